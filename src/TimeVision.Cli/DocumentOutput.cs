using System.Globalization;
using System.Text;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Json;

namespace TimeVision.Cli;

/// <summary>Prints a document estimate as JSON or as a summary a person reads, and picks the exit code.</summary>
internal static class DocumentOutput
{
    /// <summary>
    /// Writes the document as <see cref="Write"/> does; the summary is followed by the three most similar past parts of
    /// each part, with their real times, once the shop has labelled history.
    /// </summary>
    public static async Task<int> WriteAsync(IServiceProvider services, DocumentEstimate document, bool json, TextWriter stdout, CancellationToken cancellationToken)
    {
        var exitCode = Write(document, json, stdout);
        if (!json && await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<TimeVision.Core.Learning.History.SimilarPartsFinder>(services)
                .FindAsync(document.Id, 3, cancellationToken) is { HistoryParts: > 0 } similar)
        {
            await stdout.WriteAsync(Environment.NewLine + SimilarOutput.Summary(similar, maxPerPart: 3));
        }

        return exitCode;
    }

    public static int Write(DocumentEstimate document, bool json, TextWriter stdout)
    {
        if (json)
        {
            CliOutput.WriteResult(stdout, document);
        }
        else
        {
            stdout.Write(Summary(document));
        }

        return document.Status switch
        {
            DocumentStatus.Completed or DocumentStatus.Imported => ExitCodes.Success,
            DocumentStatus.Failed when document.Error is not null => ExitCodes.BadInput,
            _ => ExitCodes.Incomplete,
        };
    }

    public static string Summary(DocumentEstimate document)
    {
        var text = new StringBuilder();
        var models = string.Join(", ", document.Models.Select(m => $"{m.Model} ({m.Provider})"));
        text.AppendLine(Invariant($"{document.FileName}: {JsonCode.Of(document.Status)}, {document.PageCount} page(s){(models.Length > 0 ? $", {models}" : string.Empty)}"));
        text.AppendLine(Invariant($"id {document.Id}"));
        if (document.Error is not null)
        {
            text.AppendLine(Invariant($"error {JsonCode.Of(document.Error.Code)}: {document.Error.Message}"));
        }

        foreach (var (part, index) in document.Parts.Select((p, i) => (p, i + 1)))
        {
            AppendPart(text, document, part, index);
        }

        foreach (var page in document.Pages.Where(p => p.Status != PageEstimateStatus.Completed))
        {
            var reason = page.RenderError?.Message ?? page.Result?.Error?.Message
                ?? (page.Status == PageEstimateStatus.NotEstimated ? "imported, not sent to a model" : "no result");
            text.AppendLine(Invariant($"page {page.Page}: {JsonCode.Of(page.Status)} — {reason}"));
        }

        text.AppendLine();
        text.AppendLine(document.TotalEstimatedMinutes is { } total
            ? Invariant($"Document total: {total:0.00} min spindle time")
            : "Document total: no estimate");
        if (document.CalibratedTimeMin is { } calibratedTotal)
        {
            text.AppendLine(Invariant($"Calibrated total: {calibratedTotal:0.00} min ({document.CalibratedInterval?.LowMin:0.00}–{document.CalibratedInterval?.HighMin:0.00}), calibration {document.Calibration}"));
        }

        if (document.Headline is { } headline)
        {
            AppendHeadline(text, headline);
        }

        if (document.Plan is { Routing: { } routing } plan)
        {
            AppendRouting(text, routing, plan);
        }

        return text.ToString();
    }

    /// <summary>One part: its title, material, size, operations, total and calibrated time, and its sheets' warnings.</summary>
    private static void AppendPart(StringBuilder text, DocumentEstimate document, PartEstimate part, int index)
    {
        var estimate = part.Estimate;
        text.AppendLine();
        text.AppendLine(Invariant($"Part {index}: {part.PartName ?? "(unnamed)"}{(part.DrawingNumber is null ? string.Empty : $"  drawing {part.DrawingNumber}")}  sheets {string.Join(", ", part.Sheets)}"));
        text.AppendLine(Invariant($"  material {estimate.MaterialDetected ?? "?"}  type {JsonCode.Of(estimate.PartType)}  complexity {JsonCode.Of(estimate.Complexity)}  confidence {JsonCode.Of(estimate.Confidence)}"));
        text.AppendLine(Invariant($"  size {Size(estimate)}"));
        foreach (var item in estimate.Breakdown)
        {
            text.AppendLine(Invariant($"  {item.Operation,-48} {item.TimeMin,8:0.00} min"));
        }

        text.AppendLine(Invariant($"  {"part total",-48} {part.EstimatedMinutes,8:0.00} min"));
        if (part.CalibratedTimeMin is { } calibrated)
        {
            text.AppendLine(Invariant($"  {"calibrated",-48} {calibrated,8:0.00} min ({part.CalibratedInterval?.LowMin:0.00}–{part.CalibratedInterval?.HighMin:0.00})"));
        }
        foreach (var warning in document.Pages.Where(p => part.Sheets.Contains(p.Page)).SelectMany(p => p.Result?.Warnings ?? []))
        {
            text.AppendLine(Invariant($"  warning: {warning.Message}"));
        }
    }

    /// <summary>Which number heads the estimate and why, the other number, and the warnings that compare them.</summary>
    private static void AppendHeadline(StringBuilder text, EstimateHeadline headline)
    {
        text.AppendLine(Invariant($"Headline ({JsonCode.Of(headline.Method)}): {Number(new HeadlineNumber(headline.Method, headline.Minutes, headline.SetupMin))}"));
        text.AppendLine(Invariant($"  why: {headline.Why}"));
        if (headline.Other is { } other)
        {
            text.AppendLine(Invariant($"  {JsonCode.Of(other.Method)}: {Number(other)}"));
        }

        foreach (var warning in headline.Warnings)
        {
            text.AppendLine(Invariant($"  warning {warning.Code}: {warning.Message}"));
        }
    }

    private static string Number(HeadlineNumber number) => number.Method == HeadlineMethod.Engine
        ? Invariant($"{number.Minutes:0.00} min per piece + {number.SetupMin:0.00} min setup per batch")
        : Invariant($"{number.Minutes:0.00} min");

    /// <summary>The routing under the model's estimate: operation, work centre, setup per batch and minutes per piece.</summary>
    private static void AppendRouting(StringBuilder text, ProcessPlan routing, DocumentPlan plan)
    {
        text.AppendLine();
        text.AppendLine(Invariant($"Process plan (features v{plan.FeaturesVersion}, cutting data {plan.CuttingDataVersion}, work centres {plan.WorkCentresVersion}):"));
        text.AppendLine(Invariant($"  {"seq",4}  {"operation",-12} {"work centre",-12} {"setup min",10} {"per piece min",14}"));
        foreach (var operation in routing.Operations)
        {
            text.AppendLine(Invariant(
                $"  {operation.Sequence,4}  {JsonCode.Of(operation.Kind),-12} {operation.WorkCentre,-12} {operation.SetupMin,10:0.##} {operation.CycleMin,14:0.###}"));
        }

        text.AppendLine(Invariant($"  {"total",-32} {routing.SetupMin,10:0.##} {routing.CycleMin,14:0.###}"));
        if (routing.Calibration is { } calibration)
        {
            text.AppendLine(Invariant($"  {"with the shop's factors",-32} {routing.CalibratedSetupMin,10:0.##} {routing.CalibratedCycleMin,14:0.###}  ({calibration})"));
        }
    }

    private static string Size(PageEstimate estimate)
    {
        var parts = new List<string>();
        if (estimate.MaxDiameterMm is { } d)
        {
            parts.Add(Invariant($"ø{d:0.##}"));
        }

        parts.AddRange(new[] { estimate.MaxLengthMm, estimate.MaxWidthMm, estimate.MaxHeightMm }
            .Where(v => v is not null).Select(v => Invariant($"{v:0.##}")));
        return parts.Count > 0 ? string.Join(" × ", parts) + " mm" : "?";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
