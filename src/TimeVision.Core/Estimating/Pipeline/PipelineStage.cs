using System.Text.Json.Serialization;

namespace TimeVision.Core.Estimating.Pipeline;

/// <summary>Where a document's estimate is, as its progress says.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PipelineStage>))]
public enum PipelineStage
{
    /// <summary>Reading the PDF's pages.</summary>
    [JsonStringEnumMemberName("inspecting")]
    Inspecting,

    /// <summary>Rendering the pages and asking the model, a page at a time.</summary>
    [JsonStringEnumMemberName("estimating")]
    Estimating,

    /// <summary>Adding the pages up into one document estimate and storing it.</summary>
    [JsonStringEnumMemberName("saving")]
    Saving,

    /// <summary>Stored.</summary>
    [JsonStringEnumMemberName("done")]
    Done,
}
