using System.Globalization;
using System.Text;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>Text compared without its accents, as the shop's Czech headers and drawing numbers are typed both ways.</summary>
public static class PlainText
{
    /// <summary>Text without its accents (<c>Číslo výkresu</c> → <c>Cislo vykresu</c>): decomposed, non-spacing marks dropped.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // With InvariantGlobalization (Directory.Build.props) the runtime has no ICU and FormD decomposes nothing
            // but ASCII, so the Latin letters with accents are also mapped to their base letters here.
            var accented = Accented.IndexOf(c, StringComparison.Ordinal);
            plain.Append(accented >= 0 ? Unaccented[accented] : c);
        }

        return plain.ToString();
    }

    // Every letter of Latin-1 Supplement and Latin Extended-A whose canonical decomposition is an ASCII letter and marks.
    private const string Accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž";
    private const string Unaccented = "AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZz";
}
