using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Learning.History;

/// <summary>One usable row of the times file.</summary>
/// <param name="Line">Its line in the file (the header is line 1).</param>
/// <param name="File">The PDF's name, when given.</param>
/// <param name="DrawingNumber">The drawing number, when given.</param>
/// <param name="Part">The part as written, when given.</param>
/// <param name="Source">Measured or a person's estimate: the row's own <c>source</c>, else the import's.</param>
/// <param name="Minutes">Spindle minutes per piece.</param>
/// <param name="Order">The production order, when given.</param>
/// <param name="Date">The date as written, when given.</param>
public sealed record TimesRow(int Line, string? File, string? DrawingNumber, string? Part, FeedbackSource Source, double Minutes, string? Order, string? Date)
{
    /// <summary>The batch's setup minutes, when the file has them apart (<c>setup_min</c>).</summary>
    public double? SetupMinutes { get; init; }

    /// <summary>The run minutes per piece, when the file has them apart (<c>run_min</c>).</summary>
    public double? RunMinutes { get; init; }
}

/// <summary>A row the import could not use, and why; reported, never fatal.</summary>
/// <param name="Line">Its line in the file.</param>
/// <param name="Reason">What is wrong with it.</param>
public sealed record RowProblem(int Line, string Reason);

/// <summary>One row as read: usable, or a problem.</summary>
/// <param name="Row">The row, when usable.</param>
/// <param name="Problem">Why not, when not.</param>
public readonly record struct TimesFileEntry(TimesRow? Row, RowProblem? Problem);
