using System.ComponentModel.DataAnnotations;
using TimeVision.Core.Learning.Training;

namespace TimeVision.Core.Learning.CalibrationTraining;

/// <summary>When the timer trains the active model's calibration again, bound from the <c>Calibration</c> section.</summary>
public sealed class RecalibrationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Calibration";

    /// <summary>
    /// Newly labelled documents since the current calibration (or in all, before the first) that make the timer train
    /// again; 0 turns the timer's recalibration off.
    /// </summary>
    [Range(0, 1_000_000)]
    public int RecalibrateAfterLabels { get; set; } = 20;

    /// <summary>The split's validation share the timer trains with, kept out of training (as <c>calibrate --validation-percent</c>).</summary>
    [Range(0, ValidationShare.MaxPercent)]
    public int ValidationPercent { get; set; } = ValidationShare.DefaultPercent;
}
