using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Tests.Facts;

/// <summary>Builds text layers by hand: each line at a position, its words laid out left to right.</summary>
internal sealed class TextPages
{
    private readonly List<TextLine> _lines = [];

    public TextPages Line(double x, double y, string text, double height = 8)
    {
        var words = new List<TextWord>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var width = word.Length * height * 0.55;
            words.Add(new TextWord(word, new TextBox(x, y, width, height)));
            x += width + (height * 0.3);
        }

        _lines.Add(new TextLine(words));
        return this;
    }

    public TextPage Page(int number = 1) => new(number, 842, 595, _lines);
}
