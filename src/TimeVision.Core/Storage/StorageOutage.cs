using System.Net;
using Azure;
using Microsoft.Azure.Cosmos;

namespace TimeVision.Core.Storage;

/// <summary>
/// Which failures of a store mean it cannot be reached or cannot answer for the moment, after its client's own retries:
/// no connection, a timeout, a 5xx, a throttle. A caller can try again later; anything else (a refused request, a
/// missing item, a bug) is not an outage.
/// </summary>
public static class StorageOutage
{
    /// <summary>Whether <paramref name="exception"/>, thrown by Blob Storage's or Cosmos DB's client, is an outage.</summary>
    public static bool Is(Exception exception) => exception switch
    {
        HttpRequestException => true,
        RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => true,
        CosmosException cosmos => cosmos.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            || (int)cosmos.StatusCode >= 500,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(Is),
        _ => false,
    };
}
