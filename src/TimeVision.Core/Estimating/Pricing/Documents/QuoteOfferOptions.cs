using System.ComponentModel.DataAnnotations;

namespace TimeVision.Core.Estimating.Pricing.Documents;

/// <summary>
/// What a printed quote says about the shop and its terms (<c>Quote:</c> settings): the header's name, address,
/// IČO, DIČ and contact, how long an offer is valid and the VAT rate shown beside the prices without VAT.
/// </summary>
public sealed class QuoteOfferOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Quote";

    /// <summary>The shop's name, the header's first line.</summary>
    [MaxLength(200)]
    public string ShopName { get; set; } = string.Empty;

    /// <summary>The shop's address; a <c>|</c> or a line break starts a new line.</summary>
    [MaxLength(500)]
    public string ShopAddress { get; set; } = string.Empty;

    /// <summary>The shop's company number (IČO).</summary>
    [MaxLength(20)]
    public string ShopIco { get; set; } = string.Empty;

    /// <summary>The shop's VAT number (DIČ).</summary>
    [MaxLength(20)]
    public string ShopDic { get; set; } = string.Empty;

    /// <summary>Who to contact: a name, phone, e-mail, as one line.</summary>
    [MaxLength(300)]
    public string ShopContact { get; set; } = string.Empty;

    /// <summary>Days an offer is valid from its date.</summary>
    [Range(1, 365)]
    public int ValidityDays { get; set; } = 30;

    /// <summary>The VAT rate shown beside the prices, which are without VAT, in percent.</summary>
    [Range(0d, 100d)]
    public decimal VatPercent { get; set; } = 21;
}
