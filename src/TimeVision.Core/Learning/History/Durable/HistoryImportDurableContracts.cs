using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.History.Durable;

/// <summary>What an import is asked for through the API: the options <c>timevision import</c> takes as flags.</summary>
/// <param name="Aggregate">How a drawing's rows become one value.</param>
/// <param name="Source">The source of rows without one.</param>
/// <param name="DryRun">Store and render nothing.</param>
/// <param name="TimesFileName">The times file's name, as the labels' provenance records it.</param>
public sealed record HistoryImportOptionsRequest(LabelAggregation Aggregate, FeedbackSource Source, bool DryRun, string TimesFileName);

/// <summary>The import orchestration's input: references and settings, never the file's rows.</summary>
/// <param name="ImportId">The instance id (<c>import-…</c>), also the name of the import's blobs.</param>
/// <param name="Times">Where the posted times file is stored.</param>
/// <param name="Options">What was asked for.</param>
/// <param name="RequestHash">A hash of the file and the options, to tell a reused idempotency key from a repeat.</param>
/// <param name="ActivityAttempts">Durable attempts (<c>Pipeline:ActivityAttempts</c>).</param>
/// <param name="ActivityFirstRetry">The wait before the first retry, doubling after.</param>
public sealed record HistoryImportInput(
    string ImportId, BlobReference Times, HistoryImportOptionsRequest Options, string RequestHash, int ActivityAttempts, TimeSpan ActivityFirstRetry);

/// <summary>How the import activity ended: where its summary is stored, or why the times file could not be used.</summary>
/// <param name="Summary">The stored summary (JSON, as <c>timevision import --json</c> prints it).</param>
/// <param name="Error">The times file's problem (<c>missing_columns</c>, <c>empty_file</c>).</param>
public sealed record HistoryImportResult(BlobReference? Summary, TimesFileError? Error);

/// <summary>The orchestration's custom status.</summary>
/// <param name="Stage"><c>importing</c> or <c>done</c>.</param>
public sealed record HistoryImportStage(string Stage);
