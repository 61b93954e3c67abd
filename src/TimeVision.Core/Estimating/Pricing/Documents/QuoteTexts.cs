namespace TimeVision.Core.Estimating.Pricing.Documents;

/// <summary>The words of a printed quote in one language.</summary>
internal sealed record QuoteTexts(
    string Title,
    string Number,
    string Ico,
    string Dic,
    string Customer,
    string RequestNumber,
    string Date,
    string ValidUntil,
    string Part,
    string DrawingNumber,
    string PartName,
    string Material,
    string Quantity,
    string UnitPrice,
    string BatchPrice,
    string Vat,
    string BatchWithVat,
    string Pieces,
    string WithoutVat,
    string VatNote,
    string Basis,
    string Rates,
    string Plan,
    string Cooperation)
{
    public static QuoteTexts Of(QuoteLanguage language) => language == QuoteLanguage.English ? English : Czech;

    private static readonly QuoteTexts Czech = new(
        "Cenová nabídka", "č.", "IČO", "DIČ", "Zákazník", "Číslo poptávky", "Datum", "Platnost do", "Díl", "Číslo výkresu", "Název", "Materiál",
        "Množství", "Cena za kus", "Cena za dávku", "DPH", "Dávka s DPH", "ks", "Ceny jsou uvedeny bez DPH.",
        "DPH {0} bude účtováno podle platných předpisů; sloupec „Dávka s DPH“ je pro informaci.", "Podklad", "sazby", "plán", "Kooperace");

    private static readonly QuoteTexts English = new(
        "Quotation", "No.", "Company ID", "VAT ID", "Customer", "Your request", "Date", "Valid until", "Part", "Drawing number", "Name", "Material",
        "Quantity", "Unit price", "Batch price", "VAT", "Batch incl. VAT", "pcs", "Prices are without VAT.",
        "VAT {0} is charged as the law requires; the column \"Batch incl. VAT\" is for information.", "Basis", "rates", "plan", "Outsourced");
}
