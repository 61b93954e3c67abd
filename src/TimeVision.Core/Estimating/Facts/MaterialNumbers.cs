using System.Globalization;
using System.Text.RegularExpressions;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>
/// The machinability group of a material number, read from the numbering scheme itself: the Werkstoff number's
/// group digits, the AISI/SAE series, the ČSN class, the alloy content written into an EN high-alloy name.
/// </summary>
internal static partial class MaterialNumbers
{
    /// <summary>
    /// EN 10027-2 (W.-Nr.): 1.0/1.1 unalloyed steels (1.07xx free-cutting), 1.2 tool steels, 1.3 high-speed tool
    /// steels (1.35xx bearing steels, alloyed), 1.4 stainless, 1.5–1.8 alloy steels; 0.6/0.7 grey and ductile iron;
    /// 2.00 copper, other 2.0/2.1 copper alloys; 3.0–3.4 aluminium; 3.7 titanium.
    /// </summary>
    public static string? WerkstoffGroup(string number) =>
        (number[0], number[2], number[3]) switch
        {
            ('1', '0', '7') => "free_cutting_steel",
            ('1', '0' or '1', _) => "steel",
            ('1', '2', _) => "tool_steel",
            ('1', '3', '5') => "alloy_steel",
            ('1', '3', _) => "tool_steel",
            ('1', '4', _) => "stainless_steel",
            ('1', >= '5' and <= '8', _) => "alloy_steel",
            ('0', '6' or '7', _) => "cast_iron",
            ('2', '0', '0') => "copper",
            ('2', '0' or '1', _) => "brass_bronze",
            ('3', >= '0' and <= '4', _) => "aluminium",
            ('3', '7', _) => "titanium",
            _ => null,
        };

    /// <summary>
    /// AISI/SAE grades: 10xx/15xx carbon steels, 11xx/12xx and 12L14 free-cutting, 13xx and 4xxx–9xxx alloy steels
    /// (52100 too), three-digit 2xx–5xx stainless, letter grades (D2, H13, O1, …) tool steels.
    /// </summary>
    public static string? AisiGroup(string grade)
    {
        if (LeadedGrade().IsMatch(grade))
        {
            return "free_cutting_steel";
        }

        if (char.IsLetter(grade[0]))
        {
            return "tool_steel";
        }

        var digits = DigitsOf(grade);
        return digits.Length switch
        {
            3 => digits[0] is >= '2' and <= '5' ? "stainless_steel" : null,
            4 => digits[..2] switch
            {
                "10" or "15" => "steel",
                "11" or "12" => "free_cutting_steel",
                "13" or [>= '2' and <= '9', _] => "alloy_steel",
                _ => null,
            },
            5 => digits == "52100" ? "alloy_steel" : null,
            _ => null,
        };
    }

    /// <summary>
    /// A bare grade number in a material field, where AISI and AA numbers share the four digits: 10xx carbon steel
    /// (1100, 1200, 1350 are aluminium), 11xx/12xx free-cutting, 13xx/41xx–48xx/51xx/615x/8xxx/9xxx/52100 alloy
    /// steel, 2xxx/3xxx/other 5xxx/6xxx/7xxx aluminium; three digits 3xx/4xx stainless; letter grades tool steel.
    /// </summary>
    public static string? BareNumberGroup(string grade)
    {
        if (LeadedGrade().IsMatch(grade) || char.IsLetter(grade[0]))
        {
            return AisiGroup(grade);
        }

        var digits = DigitsOf(grade);
        if (digits.Length == 3)
        {
            return digits[0] is '3' or '4' ? "stainless_steel" : null;
        }

        if (digits.Length == 5)
        {
            return AisiGroup(digits);
        }

        return digits switch
        {
            "1100" or "1200" or "1350" => "aluminium",
            ['1', '0' or '5', _, _] => "steel",
            ['1', '1' or '2', _, _] => "free_cutting_steel",
            ['1', '3', _, _] or ['4', _, _, _] or ['5', '1', _, _] or ['6', '1', '5', _] or ['8' or '9', _, _, _] => "alloy_steel",
            ['2' or '3' or '5' or '6' or '7', _, _, _] => "aluminium",
            _ => null,
        };
    }

    /// <summary>
    /// ČSN 41 steel classes (10–12 unalloyed, 11 109/11 110/11 140 free-cutting, 13–16 alloyed, 17 corrosion and
    /// heat resistant, 19 tool steels) and ČSN 42 materials (42 23xx–25xx cast iron, 42 26xx–29xx cast steel,
    /// 42 30xx copper, 42 31xx–32xx copper alloys, 42 4xxx aluminium and its alloys).
    /// </summary>
    /// <param name="number">The material number without spaces: <c>11523</c>, <c>424201</c>.</param>
    public static string? CsnGroup(string number)
    {
        if (number.Length == 5)
        {
            return number switch
            {
                "11109" or "11110" or "11140" => "free_cutting_steel",
                ['1', '0' or '1' or '2', ..] => "steel",
                ['1', >= '3' and <= '6', ..] => "alloy_steel",
                ['1', '7', ..] => "stainless_steel",
                ['1', '9', ..] => "tool_steel",
                _ => null,
            };
        }

        return number switch
        {
            ['4', '2', '2', >= '3' and <= '5', _, _] => "cast_iron",
            ['4', '2', '2', >= '6' and <= '9', _, _] => "steel",
            ['4', '2', '3', '0', _, _] => "copper",
            ['4', '2', '3', '1' or '2', _, _] => "brass_bronze",
            ['4', '2', '4', _, _, _] => "aluminium",
            _ => null,
        };
    }

    /// <summary>
    /// An EN high-alloy name (X + carbon + elements + contents): chromium first at 13 % or more is stainless
    /// (X5CrNi18-10, X20Cr13); otherwise 0.30 % carbon or more is tool steel (X153CrMoV12, X38CrMoV5-1); else alloyed.
    /// </summary>
    public static string HighAlloyGroup(Match name)
    {
        var carbon = int.Parse(name.Groups["carbon"].Value, CultureInfo.InvariantCulture);
        var content = int.Parse(name.Groups["content"].Value, CultureInfo.InvariantCulture);
        if (name.Groups["elements"].Value.StartsWith("Cr", StringComparison.Ordinal) && content >= 13)
        {
            return "stainless_steel";
        }

        return carbon >= 30 ? "tool_steel" : "alloy_steel";
    }

    /// <summary>
    /// A short GB grade in a material field: a carbon steel's number (45, 20, 65Mn), a carbon tool steel (T8, T10A),
    /// copper (T2, TU1), brass (H62), titanium (TA2) or a free-cutting steel (Y15).
    /// </summary>
    public static string? ShortGbGroup(string grade) =>
        grade switch
        {
            ['T', 'U', ..] or ['T', '1' or '2' or '3'] => "copper",
            ['T', 'A', ..] => "titanium",
            ['T', ..] => "tool_steel",
            ['H', ..] => "brass_bronze",
            ['Y', ..] => "free_cutting_steel",
            _ => "steel",
        };

    private static string DigitsOf(string grade) => new([.. grade.Where(char.IsAsciiDigit)]);

    [GeneratedRegex(@"^\d{2}L\d{2}$")]
    private static partial Regex LeadedGrade();
}
