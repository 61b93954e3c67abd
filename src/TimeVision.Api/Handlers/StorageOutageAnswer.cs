using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using TimeVision.Api.Http;
using TimeVision.Core.Storage;

namespace TimeVision.Api.Handlers;

/// <summary>A handler's answer, or 503 <c>storage_unavailable</c> when a store could not be reached (<see cref="StorageOutage"/>); the failure is logged under the correlation id.</summary>
internal static class StorageOutageAnswer
{
    /// <summary>The answer, or 503 <c>storage_unavailable</c>.</summary>
    /// <param name="logger">Logs the failure.</param>
    /// <param name="where">The handler, for the log.</param>
    /// <param name="answer">Gives the answer.</param>
    public static async Task<Results<T1, JsonHttpResult<ApiErrorBody>>> UnlessStorageIsDownAsync<T1>(
        ILogger logger, string where, Func<Task<Results<T1, JsonHttpResult<ApiErrorBody>>>> answer)
        where T1 : IResult
    {
        try
        {
            return await answer();
        }
        catch (Exception exception) when (StorageOutage.Is(exception))
        {
            return ApiError.StorageDown(logger, where, exception);
        }
    }

    /// <summary>The answer, or 503 <c>storage_unavailable</c>.</summary>
    /// <param name="logger">Logs the failure.</param>
    /// <param name="where">The handler, for the log.</param>
    /// <param name="answer">Gives the answer.</param>
    public static async Task<Results<T1, T2, JsonHttpResult<ApiErrorBody>>> UnlessStorageIsDownAsync<T1, T2>(
        ILogger logger, string where, Func<Task<Results<T1, T2, JsonHttpResult<ApiErrorBody>>>> answer)
        where T1 : IResult
        where T2 : IResult
    {
        try
        {
            return await answer();
        }
        catch (Exception exception) when (StorageOutage.Is(exception))
        {
            return ApiError.StorageDown(logger, where, exception);
        }
    }
}
