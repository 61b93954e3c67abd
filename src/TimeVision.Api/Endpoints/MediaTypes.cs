namespace TimeVision.Api.Endpoints;

/// <summary>The media types endpoints take their bodies in; no page can send these to another site without a CORS preflight.</summary>
public static class MediaTypes
{
    /// <summary>JSON.</summary>
    public const string Json = "application/json";

    /// <summary>A PDF drawing.</summary>
    public const string Pdf = "application/pdf";

    /// <summary>The history import's times file.</summary>
    public const string Csv = "text/csv";
}
