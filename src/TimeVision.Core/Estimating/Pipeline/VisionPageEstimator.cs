using System.Security.Cryptography;
using System.Text;
using TimeVision.Core.Estimating.Estimates;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Prompts;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>
/// The vision model's estimate (<see cref="ModelKind.Deployment"/>): the stored page image goes to the model, with the
/// shop's similar past parts when its prompt set shows them. Under a holdout such an answer is stored under a hash of
/// its own, so an answer that saw other labels is never reused under this rule, nor this one elsewhere.
/// </summary>
/// <param name="blobs">The stored page images.</param>
/// <param name="estimator">Asks the model.</param>
/// <param name="examples">The similar past parts for the prompt.</param>
/// <param name="prompts">The prompt set of each model.</param>
public sealed class VisionPageEstimator(IBlobStore blobs, IVisionEstimator estimator, IHistoryExampleSource examples, PromptCatalog prompts) : IPageEstimator
{
    /// <inheritdoc />
    public ModelKind Answers => ModelKind.Deployment;

    /// <inheritdoc />
    public string PromptHashFor(ModelId model, HistoryHoldout? holdout)
    {
        ArgumentNullException.ThrowIfNull(model);
        var prompt = prompts.ForModel(model.Value);
        return holdout is not null && prompt.HistoryExamples > 0 ? HeldOutHash(prompt.Hash, holdout) : prompt.Hash;
    }

    /// <inheritdoc />
    public async Task<PageEstimateResult> EstimateAsync(PageEstimateInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (request, facts, holdout) = (input.Request, input.Facts, input.Holdout);
        using var png = new MemoryStream();
        if (!await blobs.DownloadToAsync(request.Image, png, cancellationToken))
        {
            throw new InvalidOperationException($"The page image {request.Image} is missing.");
        }

        var prompt = prompts.ForModel(request.Model.Value);
        var shown = prompt.HistoryExamples > 0
            ? await examples.ForPageAsync(request.DocumentId, facts, prompt.HistoryExamples, prompt.HistoryImages, holdout, cancellationToken)
            : null;
        var result = await estimator.EstimatePageAsync(BinaryData.FromBytes(png.GetBuffer().AsMemory(0, (int)png.Length)), request.Model.Value, facts, shown, cancellationToken);
        return holdout is not null && prompt.HistoryExamples > 0 ? result with { PromptHash = HeldOutHash(result.PromptHash, holdout) } : result;
    }

    private static string HeldOutHash(string promptHash, HistoryHoldout holdout) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{promptHash}\0holdout:{holdout.Tag}")));
}
