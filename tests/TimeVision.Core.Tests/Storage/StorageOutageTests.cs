using System.Net;
using Azure;
using Microsoft.Azure.Cosmos;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Tests.Storage;

/// <summary>What counts as a store being down for the moment, as the storage clients report it once their retries are spent.</summary>
public sealed class StorageOutageTests
{
    public static TheoryData<string, Exception, bool> Failures => new()
    {
        { "no connection (Cosmos DB in Gateway mode)", new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"), true },
        { "no answer from Blob Storage", new RequestFailedException("Connection refused", new HttpRequestException("Connection refused")), true },
        { "Blob Storage retries spent", new AggregateException(new RequestFailedException("Connection refused"), new RequestFailedException(503, "Service Unavailable")), true },
        { "Blob Storage 500", new RequestFailedException(500, "Internal error"), true },
        { "Blob Storage throttling", new RequestFailedException(429, "Too many requests"), true },
        { "Cosmos DB unavailable", Cosmos(HttpStatusCode.ServiceUnavailable), true },
        { "Cosmos DB timeout", Cosmos(HttpStatusCode.RequestTimeout), true },
        { "Cosmos DB throttling past its retries", Cosmos(HttpStatusCode.TooManyRequests), true },
        { "a missing blob container", new RequestFailedException(404, "ContainerNotFound"), false },
        { "a conflicting write", Cosmos(HttpStatusCode.PreconditionFailed), false },
        { "a missing Cosmos DB database", Cosmos(HttpStatusCode.NotFound), false },
        { "a bad request among outages", new AggregateException(new RequestFailedException(0, "refused"), new RequestFailedException(400, "bad")), false },
        { "a bug", new InvalidOperationException("The page image is missing."), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_failure_is_an_outage_only_when_the_store_could_not_answer_for_now(string failure, Exception exception, bool outage) =>
        Assert.True(StorageOutage.Is(exception) == outage, $"{failure}: expected {(outage ? "an outage" : "not an outage")}");

    private static CosmosException Cosmos(HttpStatusCode status) => new("Cosmos DB said so", status, subStatusCode: 0, activityId: "test", requestCharge: 0);
}
