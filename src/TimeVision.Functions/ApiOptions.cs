using System.ComponentModel.DataAnnotations;

namespace TimeVision.Functions;

/// <summary>The HTTP API's limits, bound from the <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Api";

    /// <summary>The largest PDF accepted by <c>POST /api/estimates</c>, in bytes. Default 50 MB.</summary>
    [Range(1, 1L << 32)]
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;
}
