using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using TimeVision.Core.Storage;

namespace TimeVision.Api.Http;

/// <summary>
/// What a caller gets, in either host, for an exception no endpoint answered: the API's error shape with a correlation
/// id (<c>503 storage_unavailable</c> when a store cannot be reached, <c>507 storage_full</c> when the disk is full, else
/// <c>500 internal_error</c>), with the details in the log under that id; never a bare 500 or exception text.
/// </summary>
public static class UnhandledErrors
{
    /// <summary>The answer for <paramref name="exception"/>, its details logged under the correlation id.</summary>
    /// <param name="logger">Logs the details.</param>
    /// <param name="where">The endpoint that threw.</param>
    /// <param name="exception">What it threw.</param>
    public static JsonHttpResult<ApiErrorBody> Answer(ILogger logger, string where, Exception exception) =>
        StorageOutage.Is(exception) ? ApiError.StorageDown(logger, where, exception)
            : StorageFull.Is(exception) ? ApiError.DiskFull(logger, where, exception)
            : ApiError.Logged(
                logger,
                StatusCodes.Status500InternalServerError,
                "internal_error",
                "Something went wrong on our side. The details are in the log under the correlation id.",
                $"{where}: {exception}");
}
