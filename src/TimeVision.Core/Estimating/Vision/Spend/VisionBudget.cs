using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Vision.Spend;

/// <summary>
/// Keeps model spend within <see cref="VisionOptions.DailyBudgetUsd"/> (a UTC day, over every instance, counted in the
/// store with optimistic concurrency) and <see cref="VisionOptions.RunBudgetUsd"/> (this process). Each call reserves its
/// expected cost before it starts, so no call starts that could pass a budget, and settles at its real cost after.
/// Prices are those of <see cref="ModelPriceOptions.Prices"/>.
/// </summary>
/// <param name="totals">The shared daily totals.</param>
/// <param name="vision">The budgets.</param>
/// <param name="prices">The prices per model.</param>
/// <param name="time">The clock that says which day it is.</param>
public sealed class VisionBudget(
    IDailyTotals totals, IOptionsMonitor<VisionOptions> vision, IOptionsMonitor<ModelPriceOptions> prices, TimeProvider time)
{
    /// <summary>The daily total of USD spent on model calls.</summary>
    public const string DailyTotalName = "vision-usd";

    /// <summary>Input tokens a page call is taken to need before any of the model's calls were measured (a 2048 px page at detail high).</summary>
    public const long PriorPageInputTokens = 1_500;

    /// <summary>Output tokens a page call is taken to need before any of the model's calls were measured (one estimate's reply).</summary>
    public const long PriorPageOutputTokens = 700;

    private readonly ConcurrentDictionary<string, TokenMean> _means = new(StringComparer.Ordinal);
    private readonly Lock _runGate = new();
    private double _runSpent;

    /// <summary>Whether any budget is set.</summary>
    public bool IsLimited => vision.CurrentValue is { DailyBudgetUsd: not null } or { RunBudgetUsd: not null };

    /// <summary>
    /// The refusal a new document gets when today's budget is spent, with when it opens again; <see langword="null"/>
    /// while there is budget left (or none is set).
    /// </summary>
    public async Task<BudgetSpent?> CheckDailyAsync(CancellationToken cancellationToken)
    {
        if (vision.CurrentValue.DailyBudgetUsd is not { } limit)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var spent = await totals.GetAsync(DailyTotalName, Today(now), cancellationToken);
        return spent < limit ? null : DailySpent(limit, spent, now);
    }

    /// <summary>
    /// The refusal a new document gets when a budget is set below what one page costs with <paramref name="model"/>
    /// (the reservation <see cref="ReserveAsync"/> would make): no page could ever be sent, so nothing is started;
    /// <see langword="null"/> when one page fits, no budget is set or the model has no price (its pages say so).
    /// </summary>
    public BudgetTooSmall? CheckFitsOnePage(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var options = vision.CurrentValue;
        var (setting, limit) = (options.DailyBudgetUsd, options.RunBudgetUsd) switch
        {
            ({ } daily, { } run) => run < daily ? ("Vision:RunBudgetUsd", run) : ("Vision:DailyBudgetUsd", daily),
            ({ } daily, null) => ("Vision:DailyBudgetUsd", daily),
            (null, { } run) => ("Vision:RunBudgetUsd", run),
            _ => (string.Empty, double.PositiveInfinity),
        };
        if (double.IsPositiveInfinity(limit) || prices.CurrentValue.PriceOf(model) is not { } price)
        {
            return null;
        }

        var cost = PageCost(model, price);
        if (limit >= cost)
        {
            return null;
        }

        return new BudgetTooSmall(
            Invariant($"The model budget {setting} = {limit:0.00####} USD is below what one page costs with {model} (about {cost:0.00####} USD), so no page could be sent; raise {setting} or remove it."),
            limit,
            cost);
    }

    /// <summary>
    /// Reserves the expected cost of one call to <paramref name="model"/> against every budget, or says why it cannot
    /// start: a budget is spent, or a budget is set and the model has no price.
    /// </summary>
    public async Task<BudgetReservation> ReserveAsync(string model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        var options = vision.CurrentValue;
        if (options.DailyBudgetUsd is null && options.RunBudgetUsd is null)
        {
            return BudgetReservation.Unlimited;
        }

        if (prices.CurrentValue.PriceOf(model) is not { } price)
        {
            return BudgetReservation.Refused(new VisionError(
                VisionErrorCode.UnpricedModel,
                $"A spend budget is set, but model '{model}' has no price: set Evaluation:Prices:{model}:Input and :Output (USD per million tokens).")
            {
                Params = Json.MessageParams.Of(("model", model)),
            });
        }

        var amount = PageCost(model, price);
        if (options.RunBudgetUsd is { } runLimit && !TryAddToRun(amount, runLimit))
        {
            return BudgetReservation.Refused(new VisionError(
                VisionErrorCode.BudgetSpent,
                Invariant($"This run's budget of {runLimit:0.00##} USD is spent ({RunSpent:0.00##} USD); the page was not sent. Run again to estimate it."))
            {
                Params = Json.MessageParams.Of(("limitUsd", runLimit)),
            });
        }

        var now = time.GetUtcNow();
        var day = Today(now);
        if (options.DailyBudgetUsd is { } dailyLimit && !await totals.TryAddAsync(DailyTotalName, day, amount, dailyLimit, cancellationToken))
        {
            if (options.RunBudgetUsd is not null)
            {
                AddToRun(-amount);
            }

            var spent = await totals.GetAsync(DailyTotalName, day, cancellationToken);
            var daily = DailySpent(dailyLimit, spent, now);
            return BudgetReservation.Refused(new VisionError(VisionErrorCode.BudgetSpent, daily.Message)
            {
                Params = Json.MessageParams.Of(("limitUsd", dailyLimit), ("opensAt", daily.OpensAt.ToString("O", CultureInfo.InvariantCulture))),
            });
        }

        return new BudgetReservation(model, price, amount, options.DailyBudgetUsd is null ? null : day, options.RunBudgetUsd is not null);
    }

    /// <summary>Replaces a reservation's expected cost by the call's real cost, whatever the budgets say by then.</summary>
    public async Task SettleAsync(BudgetReservation reservation, long inputTokens, long outputTokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        if (reservation.Price is not { } price)
        {
            return;
        }

        if (inputTokens + outputTokens > 0)
        {
            _means.GetOrAdd(reservation.Model, static _ => new TokenMean()).Add(inputTokens, outputTokens);
        }

        var correction = price.Cost(inputTokens, outputTokens) - reservation.AmountUsd;
        if (reservation.InRun)
        {
            AddToRun(correction);
        }

        if (reservation.Day is { } day && correction != 0)
        {
            await totals.TryAddAsync(DailyTotalName, day, correction, double.MaxValue, cancellationToken);
        }
    }

    private double RunSpent
    {
        get
        {
            lock (_runGate)
            {
                return _runSpent;
            }
        }
    }

    private bool TryAddToRun(double amount, double limit)
    {
        lock (_runGate)
        {
            if (_runSpent + amount > limit)
            {
                return false;
            }

            _runSpent += amount;
            return true;
        }
    }

    private void AddToRun(double amount)
    {
        lock (_runGate)
        {
            _runSpent += amount;
        }
    }

    /// <summary>What one page call to <paramref name="model"/> is expected to cost: its measured mean tokens, or the priors before any call.</summary>
    private double PageCost(string model, ModelPrice price)
    {
        var mean = _means.GetOrAdd(model, static _ => new TokenMean());
        return price.Cost(mean.Input ?? PriorPageInputTokens, mean.Output ?? PriorPageOutputTokens);
    }

    private static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    private static BudgetSpent DailySpent(double limit, double spent, DateTimeOffset now)
    {
        var opens = new DateTimeOffset(Today(now).AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new BudgetSpent(
            Invariant($"Today's model budget of {limit:0.00##} USD is spent ({spent:0.00##} USD, Vision:DailyBudgetUsd); it opens again at {opens:yyyy-MM-dd HH:mm} UTC."),
            opens);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Mean tokens per call of one model in this process.</summary>
    private sealed class TokenMean
    {
        private readonly Lock _gate = new();
        private long _input;
        private long _output;
        private int _calls;

        public long? Input
        {
            get
            {
                lock (_gate)
                {
                    return _calls == 0 ? null : _input / _calls;
                }
            }
        }

        public long? Output
        {
            get
            {
                lock (_gate)
                {
                    return _calls == 0 ? null : _output / _calls;
                }
            }
        }

        public void Add(long input, long output)
        {
            lock (_gate)
            {
                _input += input;
                _output += output;
                _calls++;
            }
        }
    }
}

/// <summary>A budget is set below one page's expected cost.</summary>
/// <param name="Message">What is wrong, with both figures, and what to do.</param>
/// <param name="BudgetUsd">The smaller budget set.</param>
/// <param name="PageCostUsd">One page's expected cost.</param>
public sealed record BudgetTooSmall(string Message, double BudgetUsd, double PageCostUsd);

/// <summary>One call's expected cost held against the budgets, or why the call may not start.</summary>
/// <param name="Model">The model called.</param>
/// <param name="Price">Its price; <see langword="null"/> when no budget is set or the call was refused.</param>
/// <param name="AmountUsd">The cost held.</param>
/// <param name="Day">The UTC day whose total holds it, when a daily budget is set.</param>
/// <param name="InRun">Whether the run budget holds it.</param>
public sealed record BudgetReservation(string Model, ModelPrice? Price, double AmountUsd, DateOnly? Day, bool InRun)
{
    /// <summary>No budget is set: every call may start.</summary>
    public static BudgetReservation Unlimited { get; } = new(string.Empty, null, 0, null, false);

    /// <summary>Why the call may not start; <see langword="null"/> when it may.</summary>
    public VisionError? Refusal { get; private init; }

    /// <summary>A call that may not start.</summary>
    public static BudgetReservation Refused(VisionError refusal) => new(string.Empty, null, 0, null, false) { Refusal = refusal };
}
