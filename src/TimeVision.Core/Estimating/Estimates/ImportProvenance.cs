namespace TimeVision.Core.Estimating.Estimates;

/// <summary>
/// Where an imported label came from: the times file (name and SHA-256), how its rows were aggregated, their spread,
/// and each production order's value with its line in the file. Kept with the label, so the history of labels shows
/// which file said what.
/// </summary>
public sealed record ImportProvenance
{
    /// <summary>The times file's name, as given.</summary>
    public required string TimesFile { get; init; }

    /// <summary>SHA-256 of the times file's bytes (hex).</summary>
    public required string TimesFileSha256 { get; init; }

    /// <summary>How the rows became one value: <c>median</c> or <c>trimmed-mean</c>.</summary>
    public required string Aggregate { get; init; }

    /// <summary>How many rows (production orders) the value is made of.</summary>
    public required int Rows { get; init; }

    /// <summary>How far the rows' values lie apart.</summary>
    public required ImportSpread Spread { get; init; }

    /// <summary>The part as the times file names it, when it has a part column; kept even when no part of the document matched it.</summary>
    public string? PartText { get; init; }

    /// <summary>How the rows found the drawing: <c>file</c> or <c>drawing_number</c>.</summary>
    public required string MatchedBy { get; init; }

    /// <summary>What had to be normalised for the drawing number to match (case, spaces, dashes, a sheet or revision suffix); empty when nothing.</summary>
    public IReadOnlyList<string> Normalised { get; init; } = [];

    /// <summary>Each row's value, in file order.</summary>
    public required IReadOnlyList<ImportedOrder> Orders { get; init; }

    /// <summary>The batch's setup minutes, aggregated as the label is, over the rows that give them apart; <see langword="null"/> when none does.</summary>
    public double? SetupMinutes { get; init; }

    /// <summary>The run minutes per piece, aggregated as the label is, over the rows that give them apart; <see langword="null"/> when none does.</summary>
    public double? RunMinutes { get; init; }
}

/// <summary>How far an imported label's rows lie apart.</summary>
/// <param name="Min">The smallest per-piece time, in minutes.</param>
/// <param name="Max">The largest.</param>
/// <param name="StandardDeviation">The sample standard deviation; <see langword="null"/> for a single row.</param>
/// <param name="Dropped">Rows the trimmed mean left out (the top and bottom 20 %); 0 for the median.</param>
public sealed record ImportSpread(double Min, double Max, double? StandardDeviation, int Dropped);

/// <summary>One row of the times file behind an imported label.</summary>
/// <param name="Line">Its line in the file (the header is line 1).</param>
/// <param name="Order">The production order, when given.</param>
/// <param name="Date">The date as written, when given.</param>
/// <param name="Minutes">Its per-piece time in minutes.</param>
public sealed record ImportedOrder(int Line, string? Order, string? Date, double Minutes)
{
    /// <summary>The batch's setup minutes, when the row gives them apart.</summary>
    public double? SetupMinutes { get; init; }

    /// <summary>The run minutes per piece, when the row gives them apart.</summary>
    public double? RunMinutes { get; init; }
}
