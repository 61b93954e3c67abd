using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Estimating.ProcessPlanning;
using TimeVision.Core.Storage;

namespace TimeVision.Core.Tests.Pricing;

/// <summary>What the rates store and the frozen-quote store must do, on files and on Cosmos DB alike: write once, read back, refuse a number taken.</summary>
public abstract class PricingStoreContract
{
    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    protected abstract Task<(IRatesStore Rates, IFrozenQuoteStore Quotes)> CreateStoresAsync();

    [Fact]
    public async Task The_newest_rates_version_is_read_back_whole_and_a_version_number_cannot_be_taken_twice()
    {
        var (store, _) = await CreateStoresAsync();
        var rates = Quotes.Rates() with { Version = "shop-1" };

        var none = await store.LatestAsync(Token);
        await store.AddAsync(1, rates, Token);
        await store.AddAsync(2, rates with { Version = "shop-2", Coefficients = rates.Coefficients with { Margin = 1.4m } }, Token);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.AddAsync(2, rates with { Version = "late" }, Token));
        var latest = (await store.LatestAsync(Token))!;

        Assert.Null(none);
        Assert.Contains("version 2", conflict.Message, StringComparison.Ordinal);
        Assert.Equal((2, "shop-2", 1.4m), (latest.Number, latest.Value.Version, latest.Value.Coefficients.Margin));
        Assert.Equal(Quotes.Lathe, latest.Value.WorkCentres.Single());
        Assert.Equal(Quotes.Steel.PriceTiers, latest.Value.Materials.Single().PriceTiers);
    }

    [Fact]
    public async Task Frozen_quotes_are_listed_oldest_first_read_back_whole_and_a_number_cannot_be_taken_twice()
    {
        var (_, store) = await CreateStoresAsync();
        var inputs = Quotes.Inputs(1, 10) with { DocumentId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) };
        var quote = QuoteCalculator.Price(inputs).Quote!;
        var first = new FrozenQuote { Id = 1, DocumentId = inputs.DocumentId, FrozenAt = DateTimeOffset.UnixEpoch, FrozenBy = "jana", Inputs = inputs, Quote = quote };

        await store.AddAsync(first with { Id = 2, Supersedes = 1 }, Token);
        await store.AddAsync(first, Token);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.AddAsync(first with { FrozenBy = "late" }, Token));
        var listed = await store.ListAsync(inputs.DocumentId, Token);
        var read = (await store.GetAsync(inputs.DocumentId, 1, Token))!;

        Assert.Equal([1, 2], listed.Select(q => q.Id));
        Assert.Equal((int?)1, listed[1].Supersedes);
        Assert.Equal("jana", read.FrozenBy);
        Assert.Equal(quote.Batches, read.Quote.Batches);
        Assert.Equal(inputs.Operations, read.Inputs.Operations);
        Assert.Equal(StockShape.Block, read.Inputs.Stock!.Shape);
        Assert.Null(await store.GetAsync(inputs.DocumentId, 3, Token));
        Assert.Empty(await store.ListAsync(new string('f', 64), Token));
    }
}
