using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>Chooses the <see cref="IPageEstimator"/> that answers a <see cref="ModelId"/>, by its kind.</summary>
public sealed class PageEstimators
{
    private readonly Dictionary<ModelKind, IPageEstimator> _byKind;

    /// <summary>Creates the choice from every registered estimator.</summary>
    /// <param name="estimators">The estimators, one per kind of model id.</param>
    /// <exception cref="InvalidOperationException">Two estimators answer the same kind.</exception>
    public PageEstimators(IEnumerable<IPageEstimator> estimators)
    {
        ArgumentNullException.ThrowIfNull(estimators);
        _byKind = [];
        foreach (var estimator in estimators)
        {
            if (!_byKind.TryAdd(estimator.Answers, estimator))
            {
                throw new InvalidOperationException($"Two page estimators answer {estimator.Answers}: {_byKind[estimator.Answers].GetType().Name} and {estimator.GetType().Name}.");
            }
        }
    }

    /// <summary>The estimator that answers <paramref name="model"/>.</summary>
    /// <exception cref="ArgumentException">No estimator answers its kind (a calibrated id is a correction of another model's estimate, not a page estimator).</exception>
    public IPageEstimator For(ModelId model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return _byKind.TryGetValue(model.Kind, out var estimator)
            ? estimator
            : throw new ArgumentException($"No page estimator answers {model} ({model.Kind}).", nameof(model));
    }
}
