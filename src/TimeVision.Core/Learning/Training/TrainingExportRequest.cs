using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Vision.Prompts;

namespace TimeVision.Core.Learning.Training;

/// <summary>Which labels to export, and how to split them; where the files go is the <see cref="IExportSink"/>'s business.</summary>
/// <param name="Sources">Which kinds of truth to use for the minutes; by default only times measured on the machine.</param>
/// <param name="Since">Only feedback entered (features: confirmed) at or after this time.</param>
/// <param name="ValidationPercent">Share of documents (0–50) held out for validation, decided by document hash.</param>
/// <param name="PromptSetId">The prompt set the fine-tuned model will be served with (<c>ft</c>); the features task always carries <c>reading</c>.</param>
/// <param name="IncludeShadow">Also export the shadow-mode challenger's answers (scaled to the real time) as examples; off by default.</param>
/// <param name="Format">OpenAI vision fine-tuning (the default) or ShareGPT for open-weight training.</param>
/// <param name="Task">What the examples teach: the minutes (the default) or reading the part's features.</param>
public sealed record TrainingExportRequest(
    IReadOnlySet<FeedbackSource> Sources,
    DateTimeOffset? Since = null,
    int ValidationPercent = ValidationShare.DefaultPercent,
    string PromptSetId = PromptCatalog.FineTunedSetId,
    bool IncludeShadow = false,
    TrainingFormat Format = TrainingFormat.OpenAI,
    TrainingTask Task = TrainingTask.Minutes);
