using TimeVision.Core.Estimating.Vision;

namespace TimeVision.Core.Learning.Training;

/// <summary>One labelled part, ready to be written in any export format.</summary>
/// <param name="DocumentId">The document the part is on.</param>
/// <param name="Images">The part's sheets, prepared as the estimator sends them, in page order.</param>
/// <param name="Answer">The assistant answer: the estimate carrying the truth, as contract JSON.</param>
internal sealed record TrainingExample(string DocumentId, IReadOnlyList<ExampleImage> Images, string Answer);

/// <summary>One sheet of an example.</summary>
/// <param name="DocumentId">The document the sheet belongs to.</param>
/// <param name="Page">The sheet's page number (1-based).</param>
/// <param name="Image">The image as the model is sent it.</param>
internal sealed record ExampleImage(string DocumentId, int Page, ModelImage Image);
