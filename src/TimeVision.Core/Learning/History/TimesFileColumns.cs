using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Learning.History;

/// <summary>What a column of the times file holds.</summary>
public enum TimesColumn
{
    /// <summary><c>file</c> / <c>soubor</c>: the PDF's name in the drawings folder.</summary>
    File,

    /// <summary><c>drawing_number</c> / <c>cislo_vykresu</c> / <c>vykres</c>.</summary>
    DrawingNumber,

    /// <summary><c>actual_min</c> / <c>cas_min</c>: spindle minutes per piece.</summary>
    ActualMinutes,

    /// <summary><c>batch_min</c>: minutes for the whole batch, divided by <see cref="Quantity"/>.</summary>
    BatchMinutes,

    /// <summary><c>quantity</c> / <c>kusy</c>: pieces in the batch.</summary>
    Quantity,

    /// <summary><c>order</c> / <c>zakazka</c>: the production order.</summary>
    Order,

    /// <summary><c>date</c> / <c>datum</c>.</summary>
    Date,

    /// <summary><c>source</c> / <c>zdroj</c>: <c>actual</c> or <c>expert</c>.</summary>
    Source,

    /// <summary><c>part</c> / <c>dil</c>.</summary>
    Part,

    /// <summary><c>setup_min</c> / <c>tpz</c> / <c>tpz_min</c> / <c>serizeni_min</c>: setup minutes of the batch.</summary>
    SetupMinutes,

    /// <summary><c>run_min</c> / <c>tk</c> / <c>tk_min</c> / <c>kusovy_cas_min</c>: run minutes per piece.</summary>
    RunMinutes,
}

/// <summary>
/// The times file's header: column names in English or Czech, read without regard to case, accents, or whether words
/// are joined by a space, a dash or an underscore (<c>Číslo výkresu</c> is <c>cislo_vykresu</c>).
/// </summary>
public static class TimesFileColumns
{
    /// <summary>What the header must name, in words, for the error that says it does not.</summary>
    public const string Expected =
        "file (soubor) or drawing_number (cislo_vykresu, vykres), and actual_min (cas_min) or batch_min with quantity (kusy); "
        + "optional: order (zakazka), date (datum), source (zdroj), part (dil), setup_min (tpz) and run_min (tk)";

    private static readonly Dictionary<string, TimesColumn> Names = new(StringComparer.Ordinal)
    {
        ["file"] = TimesColumn.File,
        ["soubor"] = TimesColumn.File,
        ["drawing_number"] = TimesColumn.DrawingNumber,
        ["cislo_vykresu"] = TimesColumn.DrawingNumber,
        ["vykres"] = TimesColumn.DrawingNumber,
        ["actual_min"] = TimesColumn.ActualMinutes,
        ["cas_min"] = TimesColumn.ActualMinutes,
        ["batch_min"] = TimesColumn.BatchMinutes,
        ["quantity"] = TimesColumn.Quantity,
        ["kusy"] = TimesColumn.Quantity,
        ["order"] = TimesColumn.Order,
        ["zakazka"] = TimesColumn.Order,
        ["date"] = TimesColumn.Date,
        ["datum"] = TimesColumn.Date,
        ["source"] = TimesColumn.Source,
        ["zdroj"] = TimesColumn.Source,
        ["part"] = TimesColumn.Part,
        ["dil"] = TimesColumn.Part,
        ["setup_min"] = TimesColumn.SetupMinutes,
        ["tpz"] = TimesColumn.SetupMinutes,
        ["tpz_min"] = TimesColumn.SetupMinutes,
        ["serizeni_min"] = TimesColumn.SetupMinutes,
        ["run_min"] = TimesColumn.RunMinutes,
        ["tk"] = TimesColumn.RunMinutes,
        ["tk_min"] = TimesColumn.RunMinutes,
        ["kusovy_cas_min"] = TimesColumn.RunMinutes,
    };

    /// <summary>
    /// Where each known column stands in <paramref name="header"/> (the first of a repeated one); unknown columns are
    /// ignored. <see langword="null"/> when the header lacks a way to a drawing or a way to a time.
    /// </summary>
    public static IReadOnlyDictionary<TimesColumn, int>? Locate(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var columns = new Dictionary<TimesColumn, int>();
        for (var index = 0; index < header.Count; index++)
        {
            if (Names.TryGetValue(Key(header[index]), out var column))
            {
                columns.TryAdd(column, index);
            }
        }

        var drawing = columns.ContainsKey(TimesColumn.File) || columns.ContainsKey(TimesColumn.DrawingNumber);
        var time = columns.ContainsKey(TimesColumn.ActualMinutes)
            || (columns.ContainsKey(TimesColumn.BatchMinutes) && columns.ContainsKey(TimesColumn.Quantity));
        return drawing && time ? columns : null;
    }

    /// <summary>A header cell as it is compared: lower case, accents dropped, words joined by <c>_</c>.</summary>
    public static string Key(string name) =>
        string.Join('_', PlainText.Of(name).ToLowerInvariant().Split([' ', '-', '_', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
