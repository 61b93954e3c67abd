using System.Text.Json.Serialization;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Pipeline;
using TimeVision.Core.Estimating.ProcessPlanning;

namespace TimeVision.Api.Handlers;

/// <summary>
/// The 200 of <c>GET /api/estimates/{id}/plan</c>, <c>PUT /api/estimates/{id}/features</c> and the plan's accept and
/// replan: <c>{"id", "etag", "features", "plan", "headline", "workCentres", "current"}</c>, as
/// <c>timevision plan &lt;id&gt; --json</c> shows them (less the etag, the work centres and the current versions). The
/// plan keeps to its contract (<c>src/docs/process-plan.md</c>), so the names of its work centres and the shop's data
/// versions in use now come beside it.
/// </summary>
/// <param name="Id">The document's id.</param>
/// <param name="ETag">The estimate's <c>ETag</c>, for the next <c>If-Match</c> (also in the header).</param>
/// <param name="Features">Every reading of the features and their merge, with its version.</param>
/// <param name="Plan">The plan and the features, cutting-data and work-centres versions it was made from.</param>
/// <param name="Headline">Which number heads the estimate (chosen again after a correction), and the other beside it.</param>
/// <param name="WorkCentres">The work centres the plan's operations use, as the shop's list in use names them.</param>
/// <param name="Current">
/// The cutting-data and work-centres versions in use now: when they differ from the plan's, the shop's data changed
/// since it was made and <c>POST …/plan/replan</c> makes it again. <see langword="null"/> when they cannot be read.
/// </param>
public sealed record EstimatePlanAnswer(
    string Id,
    [property: JsonPropertyName("etag")] string? ETag,
    DocumentFeatures Features,
    DocumentPlan Plan,
    EstimateHeadline? Headline,
    IReadOnlyList<PlanWorkCentre> WorkCentres,
    ShopDataVersions? Current);

/// <summary>A work centre a plan uses: its id as the plan's operations carry it, its name and what it does.</summary>
/// <param name="Id">The shop's work-centre number.</param>
/// <param name="Name">Its name, when the list gives one.</param>
/// <param name="Kind">What it does.</param>
public sealed record PlanWorkCentre(string Id, string? Name, WorkCentreKind Kind)
{
    /// <summary>
    /// The centres of <paramref name="list"/> that the plan's operations use, in routing order, each once; a centre the
    /// list no longer has (renumbered since the plan was made) or the planner's <c>none</c> is left out, and the page shows its id.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="list">The work centres in use, or <see langword="null"/> when they cannot be read.</param>
    public static IReadOnlyList<PlanWorkCentre> Of(DocumentPlan plan, WorkCentreList? list)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (list is null || plan.Routing is null)
        {
            return [];
        }

        var byId = list.WorkCentres.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return [.. plan.Routing.Operations.Select(o => o.WorkCentre).Distinct(StringComparer.Ordinal)
            .Where(byId.ContainsKey).Select(id => new PlanWorkCentre(id, byId[id].Name, byId[id].Kind))];
    }
}
