using System.CommandLine;
using TimeVision.Core.Storage;
using TimeVision.Core.Vision;

namespace TimeVision.Cli.Commands;

/// <summary>Options several commands share, and how they become configuration overrides.</summary>
internal static class CommonOptions
{
    public static Option<DirectoryInfo?> Data() => new("--data")
    {
        Description = "Data folder for stored PDFs, page images and estimates (default: Storage:DataDirectory, else ./.timevision).",
    };

    public static Option<string?> Model() => new("--model") { Description = "Model id (default: Vision:Model)." };

    public static Option<Uri?> Endpoint() => new("--endpoint")
    {
        Description = "OpenAI-compatible base URL (default: OPENAI_BASE_URL, else OpenAI).",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            result.AddError($"--endpoint '{text}' is not an http(s) URL.");
            return null;
        },
    };

    public static Option<bool> Json() => new("--json") { Description = "Print the result as JSON instead of a summary." };

    /// <summary>Turns the shared options that were given into configuration keys.</summary>
    public static Dictionary<string, string?> Overrides(ParseResult parse, Option<DirectoryInfo?>? data = null, Option<string?>? model = null, Option<Uri?>? endpoint = null)
    {
        var overrides = new Dictionary<string, string?>();
        if (data is not null && parse.GetValue(data) is { } folder)
        {
            overrides[$"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}"] = folder.FullName;
        }

        if (model is not null && parse.GetValue(model) is { Length: > 0 } modelId)
        {
            overrides[$"{VisionOptions.SectionName}:{nameof(VisionOptions.Model)}"] = modelId;
        }

        if (endpoint is not null && parse.GetValue(endpoint) is { } uri)
        {
            overrides[$"{VisionOptions.SectionName}:{nameof(VisionOptions.Endpoint)}"] = uri.ToString();
        }

        return overrides;
    }
}
