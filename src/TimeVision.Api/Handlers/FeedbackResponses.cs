using System.Text.Json.Serialization;

namespace TimeVision.Api.Handlers;

/// <summary>The 200 of recorded feedback: <c>{"id", "etag"}</c>, the new <c>ETag</c> also in the header.</summary>
/// <param name="Id">The document's id.</param>
/// <param name="ETag">The estimate's new <c>ETag</c>, for the next <c>If-Match</c>.</param>
public sealed record FeedbackSaved(string Id, [property: JsonPropertyName("etag")] string? ETag);
