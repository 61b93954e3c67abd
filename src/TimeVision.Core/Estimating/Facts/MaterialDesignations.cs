using System.Text.RegularExpressions;

namespace TimeVision.Core.Estimating.Facts;

/// <summary>The designation patterns of <see cref="MaterialCatalog"/>, one per group or numbering scheme.</summary>
public static partial class MaterialCatalog
{
    // Word edges in ASCII only: a designation glued to Chinese text (材料Q235, 45钢, 6061铝) still has its edges.
    private const string Start = "(?<![A-Za-z0-9])";
    private const string End = "(?![A-Za-z0-9])";

    // A number's edges: not inside a longer number (12.1213, 1.23456) and not a decimal's first part.
    private const string NumberStart = "(?<![A-Za-z0-9.,])";
    private const string NumberEnd = "(?![A-Za-z0-9]|[.,]\\d)";

    // A bare grade's end: not the start of a date, a range or a ratio either (2024-06-14, 20-30, 10:1).
    private const string GradeEnd = "(?![A-Za-z0-9]|[.,/:-]\\d)";

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    /// <summary>A Werkstoff number named as one (<c>W.-Nr. 1.4301</c>) or followed by its name (<c>1.1213 (CF53)</c>).</summary>
    [GeneratedRegex(
        "\\b(?i:W\\.?\\s?-?\\s?Nr\\.?|WNr\\.?|Werkstoff(?:nummer|-?Nr\\.?)?|Mat\\.?\\s?-?\\s?Nr\\.?)\\s*:?\\s*(?<number>[0-3]\\.\\d{4})" + NumberEnd
        + "|" + NumberStart + "(?<number>[0-3]\\.\\d{4})(?=\\s*\\(\\s*[A-Za-z])",
        Options)]
    private static partial Regex WerkstoffNumberNamed();

    [GeneratedRegex(NumberStart + "(?<number>[0-3]\\.\\d{4})" + NumberEnd, Options)]
    private static partial Regex WerkstoffNumber();

    /// <summary><c>AISI 1045</c>, <c>AISI1020</c>, <c>SAE 4140</c>, <c>AISI 304/316</c>, <c>AISI 12L14</c>, <c>AISI D2</c>.</summary>
    [GeneratedRegex(Start + "(?:AISI|SAE)[\\s-]?(?<grade>\\d{2}L\\d{2}|\\d{4,5}|\\d{3}[A-Z]?|[ADHMOPSTW]\\d{1,2})" + End, Options)]
    private static partial Regex AisiSaeNamed();

    /// <summary>A ČSN steel class named as one: <c>ČSN 41 1523</c> (steel 11 523), <c>ČSN 42 4201</c>, <c>ocel 12 050</c>.</summary>
    [GeneratedRegex(
        "(?i:ČSN|CSN)\\s?(?:41\\s?(?<steel>\\d{4})|(?<number>42\\s?\\d{4}|1[0-79]\\s?\\d{3}))(?:\\.\\d{1,2})?" + NumberEnd
        + "|(?i:\\bocel)\\s+(?<number>1[0-79]\\s?\\d{3})(?:\\.\\d{1,2})?" + NumberEnd,
        Options)]
    private static partial Regex CsnNamed();

    /// <summary>A ČSN number alone, as a Czech material field holds it: <c>11 523</c>, <c>17 240.4</c>, <c>42 4201</c>.</summary>
    [GeneratedRegex(NumberStart + "(?<number>1[0-79]\\s?\\d{3}|42\\s?\\d{4})(?:\\.\\d{1,2})?" + NumberEnd, Options)]
    private static partial Regex CsnNumber();

    /// <summary>EN high-alloy names: <c>X5CrNi18-10</c>, <c>X153CrMoV12</c>, <c>X2CrNiMo17-12-2</c>.</summary>
    [GeneratedRegex(Start + "X(?<carbon>\\d{1,3})(?<elements>(?:Cr|Ni|Mo|Mn|Si|Ti|V|W|Co|Al|Nb|N|Se|S|Cu)+)(?<content>\\d{1,2})(?:-\\d{1,2})*" + End, Options)]
    private static partial Regex HighAlloyName();

    /// <summary>GB stainless grades: <c>1Cr18Ni9Ti</c>, <c>06Cr19Ni10</c>, <c>022Cr17Ni12Mo2</c>, <c>2Cr13</c>.</summary>
    [GeneratedRegex(Start + "(?:0?\\d{1,2}|022)Cr(?:1[3-9]|2\\d)(?:(?:Ni|Mo|Ti|Mn|Nb|Cu|Si|Al|N)\\d*)*" + End, Options)]
    private static partial Regex GbStainless();

    [GeneratedRegex(
        Start + "(?:SS|A[24])[\\s-]?(?:3\\d{2}|4[1-4]\\d)L?" + End
        + "|(?i:\\bstainless(?:\\s+steel)?\\b|\\bEdelstahl\\b|\\bnerez(?:ov[áa]\\s+ocel)?\\b|\\bINOX\\b|\\bV[24]A\\b|\\bacero?\\s+inoxidable\\b)|17-4\\s?PH|不锈钢",
        Options)]
    private static partial Regex StainlessPattern();

    [GeneratedRegex(
        Start + "(?:\\d{1,2}S(?:Mn)?(?:Pb|Bi|Te)?\\d{2,3}|\\d{2}L\\d{2}|Y\\d{2}(?:Pb|Mn|Ca|Se)+)" + End
        + "|(?i:\\bAutomatenstahl\\b|\\bautomatov[áa]\\s+ocel\\b|\\bfree[\\s-](?:cutting|machining)\\s+steel\\b)|易切削钢",
        Options)]
    private static partial Regex FreeCuttingPattern();

    /// <summary>GB and JIS tool steels (<c>Cr12MoV</c>, <c>9SiCr</c>, <c>T10A</c>, <c>SKD11</c>) and the words.</summary>
    [GeneratedRegex(
        Start + "(?:Cr12(?:Mo1V1|MoV|W)?|9SiCr|9Mn2V|9?CrWMn|W18Cr4V|W6Mo5Cr4V2|4Cr5MoSiV1?|3Cr2W8V|3Cr2Mo|5CrNiMo|5CrMnMo|T(?:7|8|9|1[0-3])A|SK[DHST]\\d{1,2}|NAK80)" + End
        + "|" + Start + "T(?:7|8|9|1[0-3])(?=\\s?钢)"
        + "|(?i:\\btool\\s+steel\\b|\\bWerkzeugstahl\\b|\\bn[áa]strojov[áa]\\s+ocel\\b)|工具钢|模具钢|高速钢",
        Options)]
    private static partial Regex ToolSteelPattern();

    /// <summary>EN and GB alloy-steel names (<c>42CrMo4</c>, <c>16MnCr5</c>, <c>40Cr</c>, <c>20CrMnTi</c>, <c>GCr15</c>) and the words.</summary>
    [GeneratedRegex(
        Start + "\\d{2,3}(?:(?=Cr|Ni|Mo|Si)|Mn\\d*(?=Cr|Ni|Mo|Si|V|B|Ti))(?:(?:Cr|Mn|Ni|Mo|Si|V|B|Al|Ti|W|Nb)\\d*)+A?(?:-\\d+)*" + End
        + "|" + Start + "(?:GCr15(?:SiMn)?|4140|4340)" + End
        + "|(?i:\\balloy\\s+steel\\b|\\blegierter\\s+Stahl\\b|\\blegovan[áa]\\s+ocel\\b)|合金钢|合金结构钢",
        Options)]
    private static partial Regex AlloySteelPattern();

    /// <summary>EN AW numbers, AA numbers with a temper, Al-names, GB names (<c>2A12</c>, <c>LY12</c>, <c>ZL101</c>, <c>6061铝</c>) and the words.</summary>
    [GeneratedRegex(
        Start + "(?:EN[\\s-]?)?AW[\\s-]?\\d{4}[A-Z]?(?:[\\s-]?T\\d{1,4})?"
        + "|" + Start + "AA\\s?[1-8]\\d{3}" + End
        + "|" + Start + "Al\\s?(?:Mg|Si|Zn|Cu|Mn)(?:\\s?\\d(?:[.,]\\d)?|Mg|Si|Zn|Cu|Mn|Pb|Bi)*" + End
        + "|" + Start + "[2567]\\d{3}[\\s-]?T\\d{1,4}(?:\\s+(?i:Alumin(?:i)?um))?" + End
        + "|(?i:\\bAlumin(?:i)?um)\\s+[2567]\\d{3}" + End
        + "|" + Start + "[1-8]\\d{3}(?=\\s?铝)"
        + "|" + Start + "(?:[1-8]A\\d{2}|L[YDFC]\\d{1,2}|ZL\\d{3}|ADC\\d{1,2})" + End
        + "|(?i:\\bAlumin(?:i)?um\\b|\\bAlumini[oa]?\\b|\\bAlu\\b|\\(AL\\)|\\bhlin[íi]k\\b|\\bDural\\w*)|铝合金",
        Options)]
    private static partial Regex AluminiumPattern();

    [GeneratedRegex(Start + "(?:Ti6Al4V|TC4|TC11)" + End + "|(?i:\\bTitan(?:ium|io|i)?\\b)|钛合金", Options)]
    private static partial Regex TitaniumPattern();

    /// <summary>Copper alloys: <c>CuZn39Pb3</c>, <c>CuSn8</c>, <c>CW614N</c>, GB <c>HPb59-1</c>, <c>QSn6.5-0.1</c>, <c>ZCuSn10Pb1</c>, and the words.</summary>
    [GeneratedRegex(
        Start + "Cu(?:Zn|Sn|Al|Ni\\d*Zn|Be)\\d*[\\w.-]*"
        + "|" + Start + "CW[2-7]\\d{2}[A-Z]" + End
        + "|" + Start + "(?:HPb\\d{2}-\\d|Q(?:Sn|Al|Be|Si)\\d+(?:[.-]\\d+)*|ZCu(?:Sn|Zn|Al|Pb)[\\w.-]*)"
        + "|(?i:\\bbrass\\b|\\bMessing\\b|\\bmosaz\\b|\\bbronz[ea]?\\b|\\bbronce\\b|\\blat[óo]n\\b|\\bllaut[óo]\\b|\\bRotguss\\b)|黄铜|青铜|铍铜",
        Options)]
    private static partial Regex BrassBronzePattern();

    [GeneratedRegex(
        Start + "(?:Cu-?(?:ETP|OF|DHP|HCP|PHC)|CW[01]\\d{2}[A-Z]|TU[0-2]|TP[12])" + End
        + "|(?i:\\bcopper\\b|\\bKupfer\\b|\\bm[ěe]ď\\b|\\bcobre\\b|\\bcoure\\b)|紫铜|纯铜",
        Options)]
    private static partial Regex CopperPattern();

    /// <summary>EN-GJL/GJS, DIN GG/GGG, GB <c>HT250</c>, <c>QT450-10</c>, <c>KTH350-10</c>, and the words.</summary>
    [GeneratedRegex(
        Start + "(?:EN-?GJ[LSMV]-\\d+[\\w-]*|GJ[LS]-?\\d{3}|GGG?-?\\d{2}|HT\\d{3}|QT\\d{3}(?:-\\d{1,2})?|KT[HBZ]\\d{3}(?:-\\d{1,2})?)" + End
        + "|(?i:\\bcast\\s+iron\\b|\\bgr[ae]y\\s+iron\\b|\\bductile\\s+iron\\b|\\bGrauguss\\b|\\bGusseisen\\b|\\bSph[äa]roguss\\b|\\blitina\\b|\\bfundici[óo]n\\b|\\bhierro\\s+fundido\\b)|铸铁|灰铁|球铁",
        Options)]
    private static partial Regex CastIronPattern();

    [GeneratedRegex(
        Start + "(?:POM(?:-[CH])?|PA\\s?6\\w*|PEEK|PTFE|PE-?HD|HDPE|PE-?UHMW|UHMW(?:-?PE)?|PMMA|PVC|PET-?P?|ABS|Delrin|Acetal|Nylon|Teflon|Ertalon|Ertacetal|Lexan|Makrolon)" + End
        + "|(?i:\\bplastic\\b|\\bplast\\b|\\bpl[áà]stic[oa]?\\b|\\bKunststoff\\b|\\bpoly(?:carbonate?|karbon[áa]t)\\b|\\bpolicarbonato?\\b|\\bacetal\\b|\\bnylon\\b|\\bdelrin\\b|\\blexan\\b)|尼龙|聚甲醛|聚四氟乙烯|赛钢|塑料",
        Options)]
    private static partial Regex PlasticPattern();

    /// <summary>EN and GB unalloyed steels (<c>C45E</c>, <c>Cf53</c>, <c>S235JR</c>, <c>Q235B</c>, <c>45钢</c>, <c>45#</c>, <c>65Mn</c>) and the words.</summary>
    [GeneratedRegex(
        Start + "(?:S(?:185|235|275|355|420|460)\\w*|E(?:295|335|360)|St\\s?(?:37|44|50|52|60|70)(?:-\\d)?|C[fFkK]?[1-6]\\d[ERD]?|Q(?:195|215|235|255|275|295|345|355|390|420|460)(?:-?[A-E])?(?:NH|R|F|Z)?|ZG\\d{3}-\\d{3}|\\d{2}Mn\\d?)" + End
        + "|" + NumberStart + "(?:08F?|10|15|20|25|30|35|40|45|50|55|60|65|70)(?:Mn)?(?=\\s?(?:钢|#|号钢))"
        + "|(?i:ASTM\\s?A\\s?36\\b|\\b\\w*stahl\\b|\\bsteel\\b|\\bocel\\b|\\bacero?\\b)|碳钢|结构钢",
        Options)]
    private static partial Regex SteelPattern();

    /// <summary>A bare AISI/SAE or AA grade at the start of a material field: <c>1045</c>, <c>6061</c>, <c>303</c>, <c>12L14</c>, <c>D2</c>.</summary>
    [GeneratedRegex("^\\s*(?<grade>\\d{2}L\\d{2}|\\d{4,5}|[34]\\d{2}[LHF]?|D[2-7]|O[12]|S7|H1[13]|M[2-4]|M42|P20)" + GradeEnd, Options)]
    private static partial Regex BareGradeNumber();

    /// <summary>
    /// A metal named by its one Chinese character in a material field (钢 steel, 铝 aluminium, 铜 copper, 钛 titanium);
    /// elsewhere on a sheet the character is part of other words (钢印, a steel stamp).
    /// </summary>
    [GeneratedRegex("[钢铝铜钛]", Options)]
    private static partial Regex ChineseMetal();

    /// <summary>A short GB grade at the start of a material field: <c>45</c>, <c>65Mn</c>, <c>T10A</c>, <c>T2</c>, <c>H62</c>, <c>TA2</c>, <c>Y15</c>.</summary>
    [GeneratedRegex("^\\s*(?<grade>(?:08F?|10|15|20|25|30|35|40|45|50|55|60|65|70)(?:Mn)?|T(?:7|8|9|1[0-3])A?|T[1-3]|TU[12]|H(?:59|62|63|65|68|70|80|85|90|96)|TA[1-4]|Y\\d{2})" + GradeEnd, Options)]
    private static partial Regex ShortGbGrade();
}
