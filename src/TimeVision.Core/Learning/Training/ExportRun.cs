using TimeVision.Core.Estimating.Vision;

namespace TimeVision.Core.Learning.Training;

/// <summary>What one export gathers as it goes, for the manifest: what it left out, what each features example is, the largest images.</summary>
/// <param name="request">The export asked for.</param>
/// <param name="format">How lines are written.</param>
/// <param name="vision">How images are prepared.</param>
internal sealed class ExportRun(TrainingExportRequest request, IExampleWriter format, VisionOptions vision)
{
    public TrainingExportRequest Request { get; } = request;

    public IExampleWriter Format { get; } = format;

    public VisionOptions Vision { get; } = vision;

    public List<SkippedItem> Skipped { get; } = [];

    public List<ExampleLabel> Labels { get; } = [];

    public int LargestImages { get; set; }

    public long LargestImageBytes { get; set; }
}
