namespace TimeVision.Core.Storage;

/// <summary>Where a blob lives: a container and a name (e.g. <c>pages</c> / <c>&lt;documentId&gt;/page-001.png</c>).</summary>
/// <param name="Container">The container.</param>
/// <param name="Name">The blob's name inside it.</param>
public sealed record BlobReference(string Container, string Name)
{
    /// <summary>The container of uploaded PDFs.</summary>
    public const string DrawingsContainer = "drawings";

    /// <summary>The container of rendered page images.</summary>
    public const string PagesContainer = "pages";

    /// <summary>The uploaded PDF of a document.</summary>
    public static BlobReference Drawing(string documentId) => new(DrawingsContainer, $"{documentId}.pdf");

    /// <summary>A rendered page: <c>pages/&lt;documentId&gt;/page-NNN.png</c>.</summary>
    public static BlobReference Page(string documentId, int pageNumber) =>
        new(PagesContainer, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{documentId}/page-{pageNumber:000}.png"));

    /// <inheritdoc />
    /// <summary>The text-layer facts of a page, beside its image: <c>pages/&lt;documentId&gt;/page-NNN.facts.json</c>.</summary>
    public static BlobReference PageFacts(string documentId, int pageNumber) =>
        new(PagesContainer, Page(documentId, pageNumber).Name.Replace(".png", ".facts.json", StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() => $"{Container}/{Name}";
}
