using System.ComponentModel.DataAnnotations;

namespace TimeVision.Core.ModelOps.ModelCheck;

/// <summary>Where the model check finds its sample drawings, bound from the <c>ModelCheck</c> section.</summary>
public sealed class ModelCheckOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "ModelCheck";

    /// <summary>A folder of sample PDFs; the first page of each is sent once. Default: <c>samples/</c> beside the app, which ships the two in <c>tests/samples</c>.</summary>
    [Required(ErrorMessage = "ModelCheck:SamplesDirectory must name a folder of sample PDFs.")]
    public string SamplesDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "samples");
}
