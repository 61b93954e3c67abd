using Microsoft.Extensions.Options;

namespace TimeVision.Core.Estimating.Pricing.Documents;

/// <summary>
/// A quote as the PDF offer for the customer (<c>timevision quote --pdf</c>, <c>Accept: application/pdf</c>), with the
/// shop's header and terms from the settings; the one service the CLI and both hosts call. (The ERP's CSV needs no
/// settings: <see cref="QuoteCsv"/>.)
/// </summary>
/// <param name="options">The shop's header and terms.</param>
/// <param name="time">Today's date, for an offer not frozen.</param>
public sealed class QuoteDocuments(IOptions<QuoteOfferOptions> options, TimeProvider time)
{
    /// <summary>The PDF's media type.</summary>
    public const string PdfMediaType = "application/pdf";

    /// <summary>The offer as a PDF, dated <see cref="QuoteLetter.IssuedOn"/> or today.</summary>
    /// <param name="quote">The quote.</param>
    /// <param name="letter">Who it is for, in which language.</param>
    public byte[] Pdf(Quote quote, QuoteLetter letter)
    {
        ArgumentNullException.ThrowIfNull(quote);
        ArgumentNullException.ThrowIfNull(letter);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        return QuotePdf.Render(quote, letter, options.Value, letter.IssuedOn ?? today);
    }

    /// <summary>A frozen quote's offer as a PDF: numbered as it was frozen, dated the day it was frozen.</summary>
    /// <param name="frozen">The frozen quote.</param>
    /// <param name="letter">Who it is for, in which language.</param>
    public byte[] Pdf(FrozenQuote frozen, QuoteLetter letter)
    {
        ArgumentNullException.ThrowIfNull(frozen);
        ArgumentNullException.ThrowIfNull(letter);
        var frozenOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(frozen.FrozenAt, time.LocalTimeZone).DateTime);
        return Pdf(frozen.Quote, letter with { QuoteNumber = frozen.Id, IssuedOn = frozenOn });
    }
}
