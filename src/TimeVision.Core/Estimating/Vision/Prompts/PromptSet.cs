using System.Security.Cryptography;
using System.Text;
using TimeVision.Core.Estimating.Facts;

namespace TimeVision.Core.Estimating.Vision.Prompts;

/// <summary>
/// A versioned pair of prompts: the system message and the user text sent beside the page image.
/// <see cref="Hash"/> identifies the exact text sent, so training exports and comparisons know what a model saw.
/// </summary>
public sealed record PromptSet
{
    /// <summary>Creates a prompt set.</summary>
    /// <param name="id">Its id, e.g. <c>base</c> or <c>ft</c>.</param>
    /// <param name="version">Its version.</param>
    /// <param name="systemText">The system message, exactly as sent.</param>
    /// <param name="userText">The user text, exactly as sent.</param>
    public PromptSet(string id, string version, string systemText, string userText)
    {
        Id = id;
        Version = version;
        SystemText = systemText;
        UserText = userText;
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{systemText}\0{userText}")));
    }

    /// <summary>The set's id.</summary>
    public string Id { get; }

    /// <summary>The set's version.</summary>
    public string Version { get; }

    /// <summary>The system message.</summary>
    public string SystemText { get; }

    /// <summary>The user text sent beside the image.</summary>
    public string UserText { get; }

    /// <summary>SHA-256 (hex) of the system text, a NUL and the user text, as UTF-8 (and the grounding marker when grounded).</summary>
    public string Hash { get; private init; }

    /// <summary>
    /// Whether the user text is followed by the facts read from the page's text layer. The facts differ per page;
    /// the hash marks that the section is there, so grounded and plain results are never mixed up.
    /// </summary>
    public bool Grounded { get; private init; }

    /// <summary>
    /// Whether the set asks for the part's features beside the minutes (the <c>features</c> section after its texts, and
    /// <c>part_features</c> in the reply: <see cref="Estimates.PartFeaturesJson"/>).
    /// </summary>
    public bool ReadsFeatures { get; private init; }

    /// <summary>How many similar past parts follow the user text (0: none).</summary>
    public int HistoryExamples { get; private init; }

    /// <summary>Whether those past parts' sheets are sent as images too.</summary>
    public bool HistoryImages { get; private init; }

    /// <summary>
    /// This set with a section of <paramref name="count"/> similar past parts and their real times after the user text
    /// (and their sheets as images with <paramref name="images"/>); the hash marks both.
    /// </summary>
    public PromptSet WithHistoryExamples(int count, bool images) => count <= 0 ? this : this with
    {
        HistoryExamples = count,
        HistoryImages = images,
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Hash}\0{HistoryExamplesSection.Version}:{count}:{images}")))),
    };

    /// <summary>
    /// This set asking for the part's features too: <paramref name="section"/>'s system and user texts after this set's,
    /// and its id and version after this set's version (<c>1.0.0+features.1.0.0</c>); the hash follows the text.
    /// </summary>
    /// <param name="section">The <c>features</c> section.</param>
    public PromptSet WithFeatures(PromptSet section)
    {
        ArgumentNullException.ThrowIfNull(section);
        if (ReadsFeatures)
        {
            return this;
        }

        var reading = new PromptSet(Id, $"{Version}+{section.Id}.{section.Version}", $"{SystemText}\n\n{section.SystemText}", $"{UserText}\n\n{section.UserText}")
        {
            ReadsFeatures = true,
        };
        return (Grounded ? reading.WithGrounding() : reading).WithHistoryExamples(HistoryExamples, HistoryImages);
    }

    /// <summary>This set with the text-layer facts section after the user text.</summary>
    public PromptSet WithGrounding() => Grounded ? this : this with
    {
        Grounded = true,
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{SystemText}\0{UserText}\0{GroundingSection.Version}"))),
    };

    /// <summary>
    /// This set with the reply's JSON shape after the user text, for requests that do not carry the schema. The hash
    /// follows the text, so results asked this way are never mixed up with schema-held ones.
    /// </summary>
    public PromptSet WithReplyShape()
    {
        var shaped = new PromptSet(Id, Version, SystemText, $"{UserText}\n\n{(ReadsFeatures ? ReplyShape.WithFeaturesText : ReplyShape.Text)}") { ReadsFeatures = ReadsFeatures };
        return (Grounded ? shaped.WithGrounding() : shaped).WithHistoryExamples(HistoryExamples, HistoryImages);
    }
}
