using System.Text.Json.Serialization;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Api.Handlers;

/// <summary>
/// The 200 of <c>GET /api/estimates/{id}/plan</c> and <c>PUT /api/estimates/{id}/features</c>:
/// <c>{"id", "etag", "features", "plan", "headline"}</c>, as <c>timevision plan &lt;id&gt; --json</c> shows them (less the
/// etag).
/// </summary>
/// <param name="Id">The document's id.</param>
/// <param name="ETag">The estimate's <c>ETag</c>, for the next <c>If-Match</c> (also in the header).</param>
/// <param name="Features">Every reading of the features and their merge, with its version.</param>
/// <param name="Plan">The plan and the features, cutting-data and work-centres versions it was made from.</param>
/// <param name="Headline">Which number heads the estimate (chosen again after a correction), and the other beside it.</param>
public sealed record EstimatePlanAnswer(
    string Id, [property: JsonPropertyName("etag")] string? ETag, DocumentFeatures Features, DocumentPlan Plan, EstimateHeadline? Headline);
