namespace TimeVision.Core.Estimating.Facts;

/// <summary>A rectangle on a page in PDF points, origin at the top left of the page as rendered (crop box, turned by <c>/Rotate</c>).</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
public sealed record TextBox(double X, double Y, double Width, double Height)
{
    /// <summary>Right edge.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double Right => X + Width;

    /// <summary>Bottom edge.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public double Bottom => Y + Height;

    /// <summary>The smallest box around both.</summary>
    public TextBox Union(TextBox other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var x = Math.Min(X, other.X);
        var y = Math.Min(Y, other.Y);
        return new TextBox(x, y, Math.Max(Right, other.Right) - x, Math.Max(Bottom, other.Bottom) - y);
    }
}

/// <summary>One word of a page's text layer.</summary>
/// <param name="Text">The word.</param>
/// <param name="Box">Where it is.</param>
public sealed record TextWord(string Text, TextBox Box);

/// <summary>A line of words as the PDF's text layer groups them.</summary>
/// <param name="Words">The words, left to right.</param>
public sealed record TextLine(IReadOnlyList<TextWord> Words)
{
    /// <summary>The words joined by spaces.</summary>
    public string Text { get; } = string.Join(' ', Words.Select(w => w.Text));

    /// <summary>The box around every word.</summary>
    public TextBox Box { get; } = Words.Select(w => w.Box).Aggregate((a, b) => a.Union(b));
}

/// <summary>One page's text layer.</summary>
/// <param name="Number">1-based page number.</param>
/// <param name="Width">Page width in points, as rendered: the crop box turned by <c>/Rotate</c>.</param>
/// <param name="Height">Page height in points, as rendered.</param>
/// <param name="Lines">Its lines of text; empty for a scan or lettering drawn as outlines.</param>
public sealed record TextPage(int Number, double Width, double Height, IReadOnlyList<TextLine> Lines);
