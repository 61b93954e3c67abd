using System.Globalization;
using System.Text.Json;

namespace TimeVision.Core.Learning.Evaluation;

/// <summary>One row of an evaluation manifest.</summary>
/// <param name="File">The PDF, relative to the manifest.</param>
/// <param name="ActualMinutes">The real spindle time.</param>
/// <param name="PartType">Optional part type (ROT, PRI, COMBINED).</param>
/// <param name="Material">Optional material.</param>
public sealed record ManifestRow(string File, double ActualMinutes, string? PartType, string? Material);

/// <summary>Reads evaluation manifests: CSV with a header, or JSON.</summary>
public static class ManifestRows
{
    /// <summary>Reads the rows.</summary>
    /// <exception cref="InvalidDataException">A row is malformed; the message names it.</exception>
    public static async Task<IReadOnlyList<ManifestRow>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            await using var stream = File.OpenRead(path);
            var rows = await JsonSerializer.DeserializeAsync<List<JsonRow>>(stream, JsonSerializerOptions.Web, cancellationToken) ?? [];
            return [.. rows.Select((r, i) => Validate(r.File, r.ActualMinutes, r.PartType, r.Material, i + 1))];
        }

        var lines = (await File.ReadAllLinesAsync(path, cancellationToken)).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0)
        {
            return [];
        }

        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name);
        var (file, actual, partType, material) = (Column("file"), Column("actual_minutes"), Column("part_type"), Column("material"));
        if (file < 0 || actual < 0)
        {
            throw new InvalidDataException($"{path}: the header must name the columns file and actual_minutes (and optionally part_type, material).");
        }

        var result = new List<ManifestRow>();
        for (var i = 1; i < lines.Count; i++)
        {
            var cells = lines[i].Split(',').Select(c => c.Trim()).ToArray();
            string? Cell(int column) => column >= 0 && column < cells.Length && cells[column].Length > 0 ? cells[column] : null;
            var minutes = double.TryParse(Cell(actual), NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : (double?)null;
            result.Add(Validate(Cell(file), minutes, Cell(partType), Cell(material), i + 1));
        }

        return result;
    }

    private static ManifestRow Validate(string? file, double? minutes, string? partType, string? material, int row)
    {
        if (string.IsNullOrWhiteSpace(file) || minutes is not { } value || value is not (> 0 and < 10_000))
        {
            throw new InvalidDataException($"Manifest row {row}: needs a file and actual_minutes above 0 and below 10,000.");
        }

        return new ManifestRow(file, value, partType?.ToUpperInvariant(), material);
    }

    private sealed record JsonRow(string? File, double? ActualMinutes, string? PartType, string? Material);
}
