using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TimeVision.Core.Estimating.Pricing;
using TimeVision.Core.Estimating.Pricing.Documents;
using TimeVision.Testing;

namespace TimeVision.Core.Tests.Pricing;

/// <summary>
/// The printed offer read back with <c>pdftotext</c>: the shop's header, the customer, the dates, the part and each
/// batch's prices without VAT in Czech format (<c>1 234,50 Kč</c>) with the VAT shown, and the English variant.
/// </summary>
public sealed class QuoteDocumentsTests
{
    private static readonly QuoteOfferOptions Shop = new()
    {
        ShopName = "Strojírna Přesnost s.r.o.", ShopAddress = "Průmyslová 12 | 591 01 Žďár nad Sázavou", ShopIco = "12345678", ShopDic = "CZ12345678",
        ShopContact = "Jana Nováková, +420 555 123 456, nabidky@presnost.example", ValidityDays = 30, VatPercent = 21,
    };

    private static readonly Quote Quote = QuoteCalculator.Price(Quotes.Inputs(1, 10, 100)).Quote!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_czech_offer_has_the_shops_header_the_customer_the_dates_the_part_and_czech_amounts_without_vat()
    {
        var letter = new QuoteLetter { Customer = "Šťastný & syn, a.s.", RequestNumber = "POP-2026/118" };

        var text = await PdfText.ReadAsync(Documents().Pdf(Quote, letter), Token);

        Assert.Contains("Cenová nabídka", text, StringComparison.Ordinal);
        foreach (var header in new[] { "Strojírna Přesnost s.r.o.", "Průmyslová 12", "591 01 Žďár nad Sázavou", "IČO: 12345678", "DIČ: CZ12345678", "nabidky@presnost.example" })
        {
            Assert.Contains(header, text, StringComparison.Ordinal);
        }

        Assert.Matches(@"Zákazník:\s+Šťastný & syn, a\.s\.", text);
        Assert.Matches(@"Číslo poptávky:\s+POP-2026/118", text);
        Assert.Matches(@"Datum:\s+7\. 12\. 2026", text);
        Assert.Matches(@"Platnost do:\s+6\. 1\. 2027", text);
        Assert.Matches(@"Číslo výkresu:\s+HX-100", text);
        Assert.Matches(@"Materiál:\s+C45", text);
        Assert.Contains("DPH 21 %", text, StringComparison.Ordinal);
        Assert.Contains("Ceny jsou uvedeny bez DPH.", text, StringComparison.Ordinal);
        foreach (var batch in Quote.Batches)
        {
            var net = Math.Round(batch.Total, 2, MidpointRounding.AwayFromZero);
            var vat = Math.Round(net * 0.21m, 2, MidpointRounding.AwayFromZero);
            Assert.Matches($@"{batch.Quantity} ks\s+{Czech(batch.UnitPrice)} Kč\s+{Czech(net)} Kč\s+{Czech(vat)} Kč\s+{Czech(net + vat)} Kč", text);
        }

        Assert.True(Quote.Batches[^1].Total > 1000, "the largest batch shows the thousands separator");
    }

    [Fact]
    public async Task The_english_offer_says_quotation_and_writes_amounts_and_dates_the_english_way()
    {
        var text = await PdfText.ReadAsync(Documents().Pdf(Quote, new QuoteLetter { Customer = "Acme Ltd", Language = QuoteLanguage.English }), Token);

        Assert.Contains("Quotation", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cenová nabídka", text, StringComparison.Ordinal);
        Assert.Matches(@"Valid until:\s+6 January 2027", text);
        Assert.Contains("VAT 21%", text, StringComparison.Ordinal);
        Assert.Contains("Prices are without VAT.", text, StringComparison.Ordinal);
        var last = Quote.Batches[^1];
        Assert.Contains($"{Math.Round(last.Total, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", CultureInfo.InvariantCulture)} CZK", text, StringComparison.Ordinal);
        Assert.Contains("Company ID: 12345678", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_frozen_quote_prints_with_its_number_dated_the_day_it_was_frozen()
    {
        var frozen = new FrozenQuote
        {
            Id = 3, DocumentId = Quote.DocumentId, FrozenAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), Inputs = Quotes.Inputs(1, 10, 100), Quote = Quote,
        };

        var text = await PdfText.ReadAsync(Documents().Pdf(frozen, new QuoteLetter()), Token);

        Assert.Contains("Cenová nabídka č. 3", text, StringComparison.Ordinal);
        Assert.Matches(@"Datum:\s+2\. 11\. 2026", text);
        Assert.Matches(@"Platnost do:\s+2\. 12\. 2026", text);
    }

    [Theory]
    [InlineData(1234.5, QuoteLanguage.Czech, "1 234,50 Kč")]
    [InlineData(1234567.005, QuoteLanguage.Czech, "1 234 567,01 Kč")]
    [InlineData(0.4, QuoteLanguage.Czech, "0,40 Kč")]
    [InlineData(1234.5, QuoteLanguage.English, "1,234.50 CZK")]
    public void Amounts_are_rounded_to_the_haler_and_grouped_by_thousands(double amount, QuoteLanguage language, string shown) =>
        Assert.Equal(shown, QuoteAmounts.Money((decimal)amount, "CZK", language));

    [Fact]
    public void A_customer_with_a_line_break_or_too_long_is_refused_before_anything_prints()
    {
        Assert.Contains("control character", new QuoteLetter { Customer = "Acme\nLtd" }.Check(), StringComparison.Ordinal);
        Assert.Contains("longer than 200", new QuoteLetter { RequestNumber = new string('x', 201) }.Check(), StringComparison.Ordinal);
        Assert.Null(new QuoteLetter { Customer = "Šťastný & syn" }.Check());
    }

    [Theory]
    [InlineData("Quote:ValidityDays", "0")]
    [InlineData("Quote:VatPercent", "120")]
    public void A_validity_or_vat_rate_out_of_range_stops_the_host_naming_the_setting(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddTimeVisionPricing().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<QuoteDocuments>().Pdf(Quote, new QuoteLetter()));

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    private static QuoteDocuments Documents()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.Utc);
        return new QuoteDocuments(Options.Create(Shop), time);
    }

    /// <summary>Czech format by hand: a space between thousands and a decimal comma.</summary>
    private static string Czech(decimal amount) =>
        Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", CultureInfo.InvariantCulture).Replace(',', ' ').Replace('.', ',');
}
