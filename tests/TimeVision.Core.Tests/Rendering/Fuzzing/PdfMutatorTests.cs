using System.Globalization;
using System.Text;
using TimeVision.Core.Estimating.Rendering;
using TimeVision.Core.Tests.Support;
using TimeVision.Testing;
using TimeVision.Testing.PdfFuzzing;

namespace TimeVision.Core.Tests.Rendering.Fuzzing;

/// <summary>The fuzz mutator: reproducible from a seed, every kind of damage reachable, objects re-indexed where they moved.</summary>
public sealed class PdfMutatorTests : IDisposable
{
    private static readonly byte[] Shaft = File.ReadAllBytes(RepositoryPaths.Sample("odri-motor-shaft.pdf"));

    private readonly TempFolder _folder = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_same_seed_makes_the_same_mutant_and_another_seed_another()
    {
        var first = PdfMutator.Mutate("shaft.pdf", Shaft, seed: 7);
        var again = PdfMutator.Mutate("shaft.pdf", Shaft, seed: 7);
        var other = PdfMutator.Mutate("shaft.pdf", Shaft, seed: 8);

        Assert.Equal(first.Bytes, again.Bytes);
        Assert.Equal(first.ToString(), again.ToString());
        Assert.NotEqual(first.Bytes, other.Bytes);
        Assert.StartsWith("shaft.pdf seed 7 (", first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_kind_of_damage_is_drawn_and_the_source_is_never_changed()
    {
        var source = (byte[])Shaft.Clone();

        var kinds = Enumerable.Range(0, 400).SelectMany(seed => PdfMutator.Mutate("shaft.pdf", source, seed).Mutations).Select(m => m.Kind).ToHashSet();

        Assert.Equal(Enum.GetValues<PdfMutationKind>().ToHashSet(), kinds);
        Assert.Equal(Shaft, source);
    }

    [Fact]
    public void Re_indexing_points_the_last_startxref_at_a_table_giving_every_object_where_it_now_is()
    {
        // Forty bytes after the header move every object away from where the file's own table says it is.
        var shifted = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(Shaft).Insert("%PDF-1.4\n".Length, new string(' ', 40)));

        var layout = PdfLayout.Scan(XrefRepair.AppendFreshXref(shifted));

        var (start, length) = layout.StartXrefValues[^1];
        var table = layout.Text[int.Parse(layout.Text.AsSpan(start, length), CultureInfo.InvariantCulture)..];
        Assert.StartsWith("xref\n0 ", table, StringComparison.Ordinal);
        var entries = table.Split('\n')[2..].TakeWhile(line => line.EndsWith(" n ", StringComparison.Ordinal) || line.EndsWith(" f ", StringComparison.Ordinal)).ToList();
        Assert.All(layout.Objects, item => Assert.StartsWith(
            item.Start.ToString("D10", CultureInfo.InvariantCulture), entries[item.Number], StringComparison.Ordinal));
        Assert.Contains("/Root ", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_re_indexed_file_opens_and_renders()
    {
        var shifted = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(Shaft).Insert("%PDF-1.4\n".Length, new string(' ', 40)));
        var path = _folder.Write("re-indexed.pdf", XrefRepair.AppendFreshXref(shifted));
        using var services = CoreServices.Create();

        var inspection = await services.Get<IPdfInspector>().InspectAsync(path, Token);
        Assert.True(inspection.Succeeded, inspection.Error?.Message);
        using var png = new MemoryStream();
        var rendered = await services.Get<IPageRenderer>().RenderPageAsync(path, inspection.Value.Pages[0], 400, png, Token);

        Assert.True(rendered.Succeeded, rendered.Error?.Message);
    }
}
