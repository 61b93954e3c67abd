using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Learning.Evaluation;

/// <summary>A rendered page an evaluation estimates.</summary>
/// <param name="Page">1-based page number.</param>
/// <param name="Image">The stored page image.</param>
/// <param name="Facts">Its text-layer facts, when read.</param>
public sealed record EvaluationPage(int Page, BlobReference Image, BlobReference? Facts);

/// <summary>One document of an evaluation set, with the shop's real time.</summary>
public sealed record EvaluationItem
{
    /// <summary>The document id (SHA-256 of the PDF).</summary>
    public required string DocumentId { get; init; }

    /// <summary>The PDF's file name.</summary>
    public required string FileName { get; init; }

    /// <summary>The real spindle time in minutes.</summary>
    public required double ActualMinutes { get; init; }

    /// <summary>The batch's real setup minutes, when the label has them apart (an imported <c>setup_min</c>).</summary>
    public double? ActualSetupMinutes { get; init; }

    /// <summary>The real run minutes per piece, when the label has them apart (an imported <c>run_min</c>).</summary>
    public double? ActualRunMinutes { get; init; }

    /// <summary><c>actual</c>, <c>expert</c> or <c>manifest</c>.</summary>
    public required string LabelSource { get; init; }

    /// <summary>The part type for grouping: the label's correction, else the stored estimate's, else <c>unknown</c>.</summary>
    public string PartType { get; init; } = "unknown";

    /// <summary>The complexity for grouping.</summary>
    public string Complexity { get; init; } = "unknown";

    /// <summary>The material group for grouping (<c>aluminium</c>, <c>steel</c>, …).</summary>
    public string MaterialGroup { get; init; } = "unknown";

    /// <summary>The pages every model estimates, rendered once.</summary>
    public required IReadOnlyList<EvaluationPage> Pages { get; init; }
}

/// <summary>A document the set left out, and why.</summary>
/// <param name="DocumentId">The document, when known.</param>
/// <param name="FileName">Its file.</param>
/// <param name="Reason">Why.</param>
public sealed record EvaluationSkip(string? DocumentId, string FileName, string Reason);

/// <summary>The documents to evaluate and those left out.</summary>
/// <param name="Name">How the set was chosen, e.g. <c>validation (10 %)</c>.</param>
/// <param name="Items">The documents.</param>
/// <param name="Skipped">Those left out, with reasons.</param>
public sealed record EvaluationSet(string Name, IReadOnlyList<EvaluationItem> Items, IReadOnlyList<EvaluationSkip> Skipped)
{
    /// <summary>
    /// The documents whose labels the <c>history</c> estimator may not draw on while this set is scored (the leakage
    /// rule): the validation side of the split for a validation set; none for every labelled document (each document is
    /// still never its own neighbour, so that is leave-one-out); unset, the set's own documents.
    /// </summary>
    public Func<string, bool>? HeldOut { get; init; }

    /// <summary>The label sources the set was chosen by (<c>actual</c>, or with <c>expert</c>): what else an estimator that learns may learn from.</summary>
    public IReadOnlySet<FeedbackSource> LabelSources { get; init; } = new HashSet<FeedbackSource> { FeedbackSource.Actual };

    /// <summary>Whether the history estimator must not use <paramref name="documentId"/>'s labels (<see cref="HeldOut"/>).</summary>
    public bool IsHeldOut(string documentId) => HeldOut?.Invoke(documentId) ?? Items.Any(item => item.DocumentId == documentId);
}
