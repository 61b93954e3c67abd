using Microsoft.AspNetCore.Mvc;

namespace TimeVision.Functions.Triggers;

/// <summary>The API's error shape, <c>{"error":{"code":…,"message":…}}</c>, with its status code.</summary>
internal static class ApiError
{
    public static ObjectResult Result(int status, string code, string message) =>
        new(new { error = new { code, message } }) { StatusCode = status };
}
