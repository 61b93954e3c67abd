using TimeVision.Core.Estimating.Vision.Spend;

namespace TimeVision.Core.Learning.Evaluation;

/// <summary>
/// New spend of a features evaluation against its budget: a reading reserves its expected cost (the model's mean so far
/// in this run, else a page's prior tokens per sheet) before it starts, and settles at what it cost.
/// </summary>
/// <param name="limit">The budget in USD; <see langword="null"/> for none.</param>
internal sealed class ReadingBudget(double? limit)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (double Cost, int Calls)> _measured = new(StringComparer.Ordinal);
    private double _reserved;

    /// <summary>What this run has spent.</summary>
    public double Spent { get; private set; }

    /// <summary>Whether a reading was not started for the budget.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Reserves a reading's expected cost; <see langword="null"/> when it could pass the budget (nothing reserved).</summary>
    /// <param name="model">The model.</param>
    /// <param name="price">Its price, if known (no price: nothing to reserve).</param>
    /// <param name="sheets">How many sheets the reading sends.</param>
    public double? TryReserve(string model, ModelPrice? price, int sheets)
    {
        lock (_gate)
        {
            var expected = _measured.TryGetValue(model, out var m) && m.Calls > 0
                ? m.Cost / m.Calls
                : price?.Cost(VisionBudget.PriorPageInputTokens * sheets, VisionBudget.PriorPageOutputTokens) ?? 0;
            if (limit is { } max && Spent + _reserved + expected > max)
            {
                Stopped = true;
                return null;
            }

            _reserved += expected;
            return expected;
        }
    }

    /// <summary>Replaces a reservation by what the reading cost.</summary>
    /// <param name="model">The model.</param>
    /// <param name="reserved">What was reserved.</param>
    /// <param name="cost">What it cost.</param>
    public void Settle(string model, double reserved, double cost)
    {
        lock (_gate)
        {
            _reserved -= reserved;
            Spent += cost;
            var m = _measured.GetValueOrDefault(model);
            _measured[model] = (m.Cost + cost, m.Calls + 1);
        }
    }
}
