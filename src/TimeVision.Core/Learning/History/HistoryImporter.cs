using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Facts;
using TimeVision.Core.Learning.Feedback;

namespace TimeVision.Core.Learning.History;

/// <summary>
/// Imports the shop's history: a times file (production orders with measured times) over a set of past drawings. Rows
/// stream in and each finds its drawing as it is read, by file name first, then by drawing number
/// (<see cref="DrawingNumberIndex"/>); only matched rows' values (with their lines) are kept, and bad and unmatched rows
/// are counted, the first <see cref="ProblemRows.MaxListed"/> of each listed, so memory follows the drawings, not the
/// rows. A file past <see cref="HistoryOptions.MaxImportBytes"/> or <see cref="HistoryOptions.MaxImportRows"/> is refused
/// before anything is stored. Each matched drawing is stored as an imported document
/// (<see cref="ImportedDocuments"/>) and gets one label per part and source, aggregated from its rows, stored as
/// feedback with its provenance. A label equal to the current one of its source stores nothing; a different one is
/// stored after it (the earlier one stays: the feedback list is the history). Bad and unmatched rows are reported
/// with their lines, never fatal. Every host (the CLI, the Functions app's durable import) calls this one service.
/// </summary>
public sealed class HistoryImporter(
    ImportedDocuments documents, FeedbackService feedback, IOptionsMonitor<HistoryOptions> options, ILogger<HistoryImporter> logger)
{
    /// <summary>Two values closer than this are the same label (aggregates are rounded to a thousandth of a minute).</summary>
    private const double SameValue = 0.0005;

    private const int MaxConflictRetries = 3;

    /// <summary>Runs one import; <paramref name="progress"/> hears of each drawing as it is finished.</summary>
    public async Task<HistoryImportOutcome> ImportAsync(
        HistoryImportRequest request, IHistoryDrawings drawings, IProgress<HistoryImportProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(drawings);
        var limits = options.CurrentValue;
        if (TimesFileLimits.CheckSize(request.TimesPath, limits) is { } tooLarge)
        {
            return new HistoryImportOutcome(null, tooLarge);
        }

        var (times, error) = await TimesFile.OpenAsync(request.TimesPath, cancellationToken);
        if (times is null)
        {
            return new HistoryImportOutcome(null, error);
        }

        var run = new ImportRun(request, times, drawings);
        await foreach (var name in drawings.ListAsync(cancellationToken))
        {
            run.Files.Add(name);
        }

        if (await ReadRowsAsync(run, limits.MaxImportRows, cancellationToken) is { } tooMany)
        {
            return new HistoryImportOutcome(null, tooMany);
        }

        var byDocument = SeparateParts(run);
        Log.RowsRead(logger, run.Rows, run.Labels.Count, byDocument.Count);
        var done = 0;
        foreach (var document in byDocument)
        {
            var rendered = await ImportDocumentAsync(run, document, cancellationToken);
            progress?.Report(new HistoryImportProgress(++done, byDocument.Count, document[0].File, rendered));
        }

        return new HistoryImportOutcome(
            new HistoryImportSummary
            {
                Rows = run.Rows,
                BadRows = run.BadRows.Listed,
                BadRowCount = run.BadRows.Count,
                Unmatched = run.Unmatched.Listed,
                UnmatchedCount = run.Unmatched.Count,
                Matched = run.Matched,
                LabelsAdded = run.Results.Count(r => r.Label == "added"),
                LabelsUnchanged = run.Results.Count(r => r.Label == "unchanged"),
                LabelsSuperseded = run.Results.Count(r => r.Label == "superseded"),
                Documents = run.Results,
                DuplicateDrawingNumbers = [.. run.Shared.Values],
                DrawingsRendered = run.Rendered,
                DryRun = request.DryRun,
            },
            null);
    }

    /// <summary>Reads and matches every row as it streams; the refusal when the file has more than <paramref name="maxRows"/> rows.</summary>
    private async Task<TimesFileError?> ReadRowsAsync(ImportRun run, int maxRows, CancellationToken cancellationToken)
    {
        await foreach (var entry in run.Times.ReadAsync(run.Request.Source, cancellationToken))
        {
            if (++run.Rows > maxRows)
            {
                return TimesFileLimits.TooManyRows(maxRows);
            }

            if (entry.Row is not { } row)
            {
                run.BadRows.Add(entry.Problem!);
                continue;
            }

            var key = new RowKey(row.File, row.DrawingNumber, row.Part, row.Source);
            var order = new ImportedOrder(row.Line, row.Order, row.Date, row.Minutes) { SetupMinutes = row.SetupMinutes, RunMinutes = row.RunMinutes };
            await MatchAsync(run, key, order, cancellationToken);
        }

        return null;
    }

    /// <summary>Finds the drawing of one row, by file name first, then by drawing number; reports the row when none (or several) is found.</summary>
    private async Task MatchAsync(ImportRun run, RowKey key, ImportedOrder order, CancellationToken cancellationToken)
    {
        IReadOnlyList<ImportedOrder> orders = [order];
        string? file = key.File is null ? null : run.Files.Find(key.File);
        var (matchedBy, normalised) = ("file", (IReadOnlyList<string>)[]);
        string? documentId = null;
        if (file is null && key.DrawingNumber is { } number)
        {
            var index = await IndexAsync(run, cancellationToken);
            var match = index.Find(number);
            if (match.SharedBy.Count > 0)
            {
                run.Shared.TryAdd(number, new SharedDrawingNumber(number, match.SharedBy));
                Unmatched(run, orders, $"the drawing number '{number}' is on {match.SharedBy.Count} drawings ({string.Join(", ", match.SharedBy)}): not guessed");
                return;
            }

            (file, documentId, matchedBy, normalised) = (match.File, match.DocumentId, "drawing_number", match.Normalised);
        }

        if (file is null)
        {
            Unmatched(run, orders, (key.File, key.DrawingNumber) switch
            {
                ({ } name, { } drawingNumber) => $"no PDF named '{name}' in {run.Drawings.Description}, and no drawing carries the drawing number '{drawingNumber}'",
                ({ } name, null) => $"no PDF named '{name}' in {run.Drawings.Description}",
                _ => $"no drawing carries the drawing number '{key.DrawingNumber}'",
            });
            return;
        }

        documentId ??= await IdOfAsync(run, file, cancellationToken);
        var labelKey = new LabelKey(documentId, key.Part, key.Source);
        if (!run.Labels.TryGetValue(labelKey, out var label))
        {
            run.Labels[labelKey] = label = new PendingLabel(file, key.DrawingNumber, matchedBy, normalised);
        }

        label.Orders.Add(order);
    }

    private async Task<DrawingNumberIndex> IndexAsync(ImportRun run, CancellationToken cancellationToken)
    {
        if (run.Index is { } built)
        {
            return built;
        }

        var index = new DrawingNumberIndex();
        foreach (var name in run.Files.All)
        {
            using var file = await run.Drawings.OpenAsync(name, cancellationToken);
            var id = await IdOfAsync(run, name, file.Path, cancellationToken);
            foreach (var number in await documents.DrawingNumbersAsync(file.Path, id, cancellationToken))
            {
                index.Add(number, name, id.Value);
            }
        }

        return run.Index = index;
    }

    private static async Task<string> IdOfAsync(ImportRun run, string name, CancellationToken cancellationToken)
    {
        if (run.Ids.TryGetValue(name, out var known))
        {
            return known.Value;
        }

        using var file = await run.Drawings.OpenAsync(name, cancellationToken);
        return (await IdOfAsync(run, name, file.Path, cancellationToken)).Value;
    }

    private static async Task<DocumentId> IdOfAsync(ImportRun run, string name, string path, CancellationToken cancellationToken)
    {
        if (!run.Ids.TryGetValue(name, out var id))
        {
            await using var content = File.OpenRead(path);
            run.Ids[name] = id = await DocumentId.OfContentAsync(content, cancellationToken);
        }

        return id;
    }

    /// <summary>
    /// The labels grouped per document, in file order. A document the times file names several parts of, none of
    /// which its parts can tell apart, cannot take them all as the whole document's time: those rows are reported.
    /// </summary>
    private static List<List<(LabelKey Key, PendingLabel Label, string File)>> SeparateParts(ImportRun run) =>
        [.. run.Labels
            .GroupBy(l => l.Key.DocumentId)
            .Select(g => g.Select(l => (l.Key, l.Value, l.Value.File)).ToList())
            .OrderBy(g => g[0].File, StringComparer.Ordinal)];

    /// <summary>Stores (or finds) one document and records its labels; whether it was rendered now.</summary>
    private async Task<bool> ImportDocumentAsync(ImportRun run, List<(LabelKey Key, PendingLabel Label, string File)> labels, CancellationToken cancellationToken)
    {
        var name = labels[0].File;
        ImportedDocument imported;
        using (var file = await run.Drawings.OpenAsync(name, cancellationToken))
        {
            imported = await documents.EnsureAsync(file.Path, name, await IdOfAsync(run, name, file.Path, cancellationToken), run.Request.DryRun, cancellationToken);
        }

        if (imported.Error is { } error)
        {
            Log.DrawingNotImported(logger, error.Code);
            foreach (var (_, label, _) in labels)
            {
                Unmatched(run, label.Orders, $"{name} could not be imported: {Json.JsonCode.Of(error.Code)}: {error.Message}");
            }

            return false;
        }

        run.Rendered += imported.Rendered ? 1 : 0;
        var document = imported.Document;
        var resolved = labels.Select(l => (l.Key, l.Label, Part: PartOf(document, l.Key.PartText))).ToList();
        foreach (var (key, label, part) in resolved)
        {
            // Several part texts that no part of the document tells apart would all be the whole document's time.
            var rivals = resolved.Where(r => r.Part == part && r.Key.Source == key.Source && r.Key.PartText != key.PartText).Select(r => r.Key.PartText ?? "(none)").ToList();
            if (part is null && rivals.Count > 0)
            {
                Unmatched(run, label.Orders, $"the times file names several parts of {name} ('{key.PartText ?? "(none)"}', '{string.Join("', '", rivals)}') and the document has no parts that match them: estimate it first, or give one time per drawing");
                continue;
            }

            await RecordAsync(run, document, key, label, part, cancellationToken);
        }

        return imported.Rendered;
    }

    private async Task RecordAsync(ImportRun run, DocumentEstimate? document, LabelKey key, PendingLabel label, int? part, CancellationToken cancellationToken)
    {
        var (value, spread) = LabelAggregator.Aggregate([.. label.Orders.Select(o => o.Minutes)], run.Request.Aggregate);
        var (setup, runMinutes) = (Aggregate(label.Orders, o => o.SetupMinutes, run.Request.Aggregate), Aggregate(label.Orders, o => o.RunMinutes, run.Request.Aggregate));
        var current = FeedbackLabels.Choose(document?.Feedback, new HashSet<FeedbackSource> { key.Source }).FirstOrDefault(f => f.Part == part);
        var same = current is not null && Same(current.ActualMinutes, value) && Same(current.Import?.SetupMinutes, setup) && Same(current.Import?.RunMinutes, runMinutes);
        var state = current is null ? "added" : same ? "unchanged" : "superseded";
        if (state != "unchanged" && !run.Request.DryRun)
        {
            var feedback = new ShopFeedback
            {
                ActualMinutes = value,
                Source = key.Source,
                Part = part,
                EnteredBy = "import",
                Import = new ImportProvenance
                {
                    TimesFile = run.Request.TimesFileName,
                    TimesFileSha256 = run.Times.Sha256,
                    Aggregate = LabelAggregator.Name(run.Request.Aggregate),
                    Rows = label.Orders.Count,
                    Spread = spread,
                    PartText = key.PartText,
                    MatchedBy = label.MatchedBy,
                    Normalised = label.Normalised,
                    Orders = [.. label.Orders.OrderBy(o => o.Line)],
                    SetupMinutes = setup,
                    RunMinutes = runMinutes,
                },
            };
            if (await StoreAsync(key.DocumentId, feedback, cancellationToken) is { } problem)
            {
                Log.LabelNotStored(logger, problem.Outcome.ToString());
                Unmatched(run, label.Orders, $"the label for {label.File} was not stored: {problem.Message}");
                return;
            }
        }

        run.Matched += label.Orders.Count;
        var drawingNumber = label.DrawingNumber
            ?? (part is { } p ? document?.Parts[p - 1].DrawingNumber : null)
            ?? document?.Parts.Select(x => x.DrawingNumber).FirstOrDefault(n => n is not null);
        run.Results.Add(new ImportedLabel(
            key.DocumentId, label.File, drawingNumber, value, label.Orders.Count, part, key.PartText, key.Source, state, label.MatchedBy,
            label.Normalised.Count > 0 ? label.Normalised : null));
    }

    /// <summary>One part of the split (setup or run) aggregated as the label is, over the rows that give it; none when no row does.</summary>
    private static double? Aggregate(List<ImportedOrder> orders, Func<ImportedOrder, double?> part, LabelAggregation aggregation)
    {
        var values = orders.Select(part).OfType<double>().ToList();
        return values.Count == 0 ? null : LabelAggregator.Aggregate(values, aggregation).Value;
    }

    private static bool Same(double? stored, double? imported) =>
        stored is { } a && imported is { } b ? Math.Abs(a - b) < SameValue : stored is null && imported is null;

    private async Task<FeedbackResult?> StoreAsync(string documentId, ShopFeedback label, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var result = await feedback.RecordAsync(documentId, label, ifMatch: null, cancellationToken);
            if (result.Outcome == FeedbackOutcome.Saved)
            {
                return null;
            }

            if (result.Outcome != FeedbackOutcome.Conflict || attempt >= MaxConflictRetries)
            {
                return result;
            }
        }
    }

    /// <summary>The part of a stored document a times file's part text names, by drawing number or part name; none when no single part matches.</summary>
    private static int? PartOf(DocumentEstimate? document, string? partText)
    {
        if (document is null || partText is null)
        {
            return null;
        }

        var wanted = DrawingNumbers.Compact(partText);
        var matches = document.Parts
            .Select((part, index) => (part, index))
            .Where(p => (p.part.DrawingNumber is { } n && DrawingNumbers.Compact(n) == wanted) || (p.part.PartName is { } name && DrawingNumbers.Compact(name) == wanted))
            .ToList();
        return matches.Count == 1 ? matches[0].index + 1 : null;
    }

    private static void Unmatched(ImportRun run, IEnumerable<ImportedOrder> orders, string reason) =>
        run.Unmatched.AddAll(orders.Select(o => o.Line), reason);

    private readonly record struct RowKey(string? File, string? DrawingNumber, string? Part, FeedbackSource Source);

    private readonly record struct LabelKey(string DocumentId, string? PartText, FeedbackSource Source);

    private sealed class PendingLabel(string file, string? drawingNumber, string matchedBy, IReadOnlyList<string> normalised)
    {
        public string File { get; } = file;

        public string? DrawingNumber { get; } = drawingNumber;

        public string MatchedBy { get; } = matchedBy;

        public IReadOnlyList<string> Normalised { get; } = normalised;

        public List<ImportedOrder> Orders { get; } = [];
    }

    /// <summary>What one import gathers as it goes: matched rows' values per drawing, and counts of the others, never every row.</summary>
    private sealed class ImportRun(HistoryImportRequest request, TimesFile times, IHistoryDrawings drawings)
    {
        public HistoryImportRequest Request { get; } = request;

        public TimesFile Times { get; } = times;

        public IHistoryDrawings Drawings { get; } = drawings;

        public int Rows { get; set; }

        public ProblemRows BadRows { get; } = new();

        public DrawingFileNames Files { get; } = new();

        public Dictionary<string, DocumentId> Ids { get; } = new(StringComparer.Ordinal);

        public DrawingNumberIndex? Index { get; set; }

        public Dictionary<LabelKey, PendingLabel> Labels { get; } = [];

        public ProblemRows Unmatched { get; } = new();

        public Dictionary<string, SharedDrawingNumber> Shared { get; } = new(StringComparer.Ordinal);

        public int Matched { get; set; }

        public int Rendered { get; set; }

        public List<ImportedLabel> Results { get; } = [];
    }
}
