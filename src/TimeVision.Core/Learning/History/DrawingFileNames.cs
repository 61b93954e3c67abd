namespace TimeVision.Core.Learning.History;

/// <summary>
/// The history's drawings by name, for a times file's <c>file</c> column: the exact name first, then the name with
/// <c>.pdf</c> added and case ignored; the first drawing listed wins a tie. A lookup is one dictionary probe, so a
/// million rows cost a million probes, not a million scans of the folder.
/// </summary>
internal sealed class DrawingFileNames
{
    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _ignoringCase = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every drawing, in the order listed.</summary>
    public List<string> All { get; } = [];

    /// <summary>Adds a drawing as the history lists it.</summary>
    public void Add(string name)
    {
        All.Add(name);
        _exact.TryAdd(name, name);
        _ignoringCase.TryAdd(name, name);
    }

    /// <summary>The drawing a row names, or <see langword="null"/>.</summary>
    public string? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var plain = Path.GetFileName(name.Trim());
        var withExtension = plain.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? plain : $"{plain}.pdf";
        return _exact.TryGetValue(plain, out var exact) ? exact
            : _ignoringCase.TryGetValue(withExtension, out var found) ? found
            : null;
    }
}
