using TimeVision.Core.Learning.Training;

namespace TimeVision.Core.Learning.Evaluation;

/// <summary>One document of a features evaluation: its sheets and its confirmed features.</summary>
public sealed record FeatureEvaluationItem
{
    /// <summary>The document id.</summary>
    public required string DocumentId { get; init; }

    /// <summary>Its file.</summary>
    public required string FileName { get; init; }

    /// <summary>The drawing key the split decided by (<see cref="DrawingSplit"/>).</summary>
    public required string Drawing { get; init; }

    /// <summary>The confirmed features the readings are scored against.</summary>
    public required FeatureLabel Label { get; init; }

    /// <summary>The rendered sheets every model reads, in page order, with their text-layer facts.</summary>
    public required IReadOnlyList<EvaluationPage> Sheets { get; init; }
}

/// <summary>The documents of a features evaluation, and those left out with why.</summary>
/// <param name="Name">How the set was chosen.</param>
/// <param name="Items">The documents.</param>
/// <param name="Skipped">Those left out.</param>
public sealed record FeatureEvaluationSet(string Name, IReadOnlyList<FeatureEvaluationItem> Items, IReadOnlyList<EvaluationSkip> Skipped)
{
    /// <summary>
    /// The stored documents with confirmed features (<see cref="ConfirmedFeatures"/>): the validation side of the
    /// features export's split (by drawing) or every one, as the training export finds them.
    /// </summary>
    /// <param name="documents">The documents with something confirmed.</param>
    /// <param name="split">Validation or all (shadow is a minutes comparison).</param>
    /// <param name="validationPercent">The export split's validation share.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public static async Task<FeatureEvaluationSet> FromStoreAsync(
        FeatureLabelledDocuments documents, EvaluationSplit split, int validationPercent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (split == EvaluationSplit.Shadow)
        {
            throw new ArgumentOutOfRangeException(nameof(split), split, "Shadow mode compares minutes, not features.");
        }

        var items = new List<FeatureEvaluationItem>();
        var skipped = new List<EvaluationSkip>();
        await foreach (var candidate in documents.ListAsync(cancellationToken))
        {
            if (split == EvaluationSplit.Validation && !TrainingExporter.IsValidation(candidate.DrawingKey, validationPercent))
            {
                continue;
            }

            var document = candidate.Document;
            var why = candidate.Confirmed.Reason ?? candidate.NotOnePart
                ?? (candidate.Sheets.Count == 0 ? "no rendered page" : candidate.Sheets.Count > Estimating.Vision.OpenAIFeatureReader.MaxSheets ? "more than 10 sheets" : null);
            if (why is not null)
            {
                skipped.Add(new EvaluationSkip(document.Id, document.FileName, why));
                continue;
            }

            items.Add(new FeatureEvaluationItem
            {
                DocumentId = document.Id,
                FileName = document.FileName,
                Drawing = candidate.DrawingKey,
                Label = candidate.Confirmed.Label!,
                Sheets = [.. candidate.Sheets.Select(page => document.Pages.Single(p => p.Page == page)).Select(p => new EvaluationPage(p.Page, p.Image!, p.Facts))],
            });
        }

        var name = split == EvaluationSplit.Validation
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"validation side of the features split, by drawing ({validationPercent} %)")
            : "every document with confirmed features";
        return new FeatureEvaluationSet(name, items, skipped);
    }
}
