using TimeVision.Core.Estimating.Offline;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>A similar past part shown to the model beside the page: what it is, and what it really took.</summary>
/// <param name="Features">Its features.</param>
/// <param name="ActualMinutes">Its real spindle time.</param>
/// <param name="DrawingNumber">Its drawing number.</param>
/// <param name="PartName">Its name.</param>
/// <param name="Image">Its sheet as stored, when the prompt sends the examples' images.</param>
public sealed record HistoryExample(PartFeatures Features, double ActualMinutes, string? DrawingNumber, string? PartName, BinaryData? Image = null);
