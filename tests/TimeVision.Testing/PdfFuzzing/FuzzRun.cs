using System.Globalization;
using System.Text.Json;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Estimating.Rendering;

namespace TimeVision.Testing.PdfFuzzing;

/// <summary>The steps a drawing takes through TimeVision that a mutant is sent through.</summary>
public enum FuzzStage
{
    /// <summary><c>IPdfInspector.InspectAsync</c>: page count and sizes.</summary>
    Inspect,

    /// <summary><c>IPageRenderer.RenderPageAsync</c>: one page to PNG.</summary>
    Render,

    /// <summary><c>DrawingFactsReader</c>: one page's text layer read for its facts.</summary>
    Facts,
}

/// <summary>One call on a mutant and how it ended.</summary>
/// <param name="Stage">What was called.</param>
/// <param name="Page">The page, for render and facts.</param>
/// <param name="Code">
/// <see cref="FuzzCall.Ok"/>; for facts <see cref="FuzzCall.FactsRead"/> or <c>no_text_layer</c>; else the typed error
/// code (<c>corrupt</c>, <c>render_timeout</c>, …), or <see cref="FuzzCall.Crash"/> when an exception escaped.
/// </param>
/// <param name="Elapsed">How long the call took.</param>
/// <param name="Limit">The configured timeout the call runs under.</param>
/// <param name="Detail">The error's message, or the escaped exception in full.</param>
public sealed record FuzzCall(FuzzStage Stage, int? Page, string Code, TimeSpan Elapsed, TimeSpan Limit, string? Detail)
{
    /// <summary>The code of a call that succeeded.</summary>
    public const string Ok = "ok";

    /// <summary>The code of a facts call that read a text layer.</summary>
    public const string FactsRead = "facts";

    /// <summary>The code of a call that threw instead of returning a typed result.</summary>
    public const string Crash = "crash";

    /// <summary>
    /// Time allowed past <see cref="Limit"/> before a call counts as running over it: stopping Poppler and cleaning up
    /// after a timeout, on a loaded machine.
    /// </summary>
    public static readonly TimeSpan OverrunMargin = TimeSpan.FromSeconds(5);

    /// <summary>A render error code as callers see it, e.g. <c>render_timeout</c>.</summary>
    public static string CodeOf(RenderErrorCode code) => JsonSerializer.Serialize(code).Trim('"');

    /// <summary>Whether the call took longer than its limit allows.</summary>
    public bool Overran => Elapsed > Limit + OverrunMargin;

    /// <summary>The stage and page, e.g. <c>render p2</c>.</summary>
    public string Name => Page is { } page
        ? string.Create(CultureInfo.InvariantCulture, $"{Stage.ToString().ToLowerInvariant()} p{page}")
        : Stage.ToString().ToLowerInvariant();
}

/// <summary>A mutant's trip through inspect, render and facts.</summary>
/// <param name="Mutant">The mutant.</param>
/// <param name="Calls">Every call made, in order.</param>
public sealed record FuzzRun(PdfMutant Mutant, IReadOnlyList<FuzzCall> Calls)
{
    /// <summary>Whether inspection accepted the mutant.</summary>
    public bool PassedInspect => Calls.Any(c => c is { Stage: FuzzStage.Inspect, Code: FuzzCall.Ok });

    /// <summary>Whether at least one page rendered.</summary>
    public bool Rendered => Calls.Any(c => c is { Stage: FuzzStage.Render, Code: FuzzCall.Ok });

    /// <summary>Whether facts were read from the text layer.</summary>
    public bool HadFacts => Calls.Any(c => c is { Stage: FuzzStage.Facts, Code: FuzzCall.FactsRead });

    /// <summary>The time all calls took.</summary>
    public TimeSpan Elapsed => Calls.Aggregate(TimeSpan.Zero, (sum, call) => sum + call.Elapsed);

    /// <summary>What went wrong that must not: an escaped exception, an untyped failure, a call past its timeout.</summary>
    public IReadOnlyList<string> Problems =>
    [
        .. Calls.Where(c => c.Code == FuzzCall.Crash).Select(c => $"{c.Name} threw: {c.Detail}"),
        .. Calls.Where(c => c.Code != FuzzCall.Crash && IsUntyped(c)).Select(c => $"{c.Name} failed without a usable code: {c.Code} ({c.Detail})"),
        .. Calls.Where(c => c.Overran).Select(c => string.Create(
            CultureInfo.InvariantCulture,
            $"{c.Name} took {c.Elapsed.TotalSeconds:0.0} s, past its {c.Limit.TotalSeconds:0.#} s limit and a {FuzzCall.OverrunMargin.TotalSeconds:0} s margin")),
    ];

    /// <summary>The run in one line: the mutant and each call's code.</summary>
    public override string ToString() => $"{Mutant} → {string.Join(", ", Calls.Select(c => $"{c.Name} {c.Code}"))}";

    /// <summary>
    /// A failure a caller could not act on: no message, or Poppler missing (a fuzz run without Poppler tests nothing).
    /// </summary>
    private static bool IsUntyped(FuzzCall call) =>
        call.Code is not (FuzzCall.Ok or FuzzCall.FactsRead or PageFacts.NoTextLayer)
        && (string.IsNullOrWhiteSpace(call.Detail) || call.Code == FuzzCall.CodeOf(RenderErrorCode.RendererMissing));
}
