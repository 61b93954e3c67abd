using TimeVision.Core.Estimating.Offline;

namespace TimeVision.Core.Learning.Calibration;

/// <summary>What a calibration learns from, or corrects, for one document: the model's time and what else is known.</summary>
/// <param name="DocumentId">The document.</param>
/// <param name="RawMinutes">The model's estimate.</param>
/// <param name="Features">The document's (first part's) features, when known.</param>
/// <param name="HistoryMinutes">The history estimate from its similar past parts, when there is history.</param>
/// <param name="ActualMinutes">The real time, when training.</param>
public sealed record CalibrationRow(string DocumentId, double RawMinutes, PartFeatures? Features, double? HistoryMinutes, double ActualMinutes = 0);
