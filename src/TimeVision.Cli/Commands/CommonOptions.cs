using System.CommandLine;
using System.Globalization;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Storage;

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

    /// <summary><c>--budget-usd</c>: the most new model calls may cost, above 0.</summary>
    public static Option<double?> BudgetUsd(string description)
    {
        var budget = new Option<double?>("--budget-usd") { Description = description };
        budget.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is <= 0)
            {
                result.AddError("--budget-usd must be above 0.");
            }
        });
        return budget;
    }

    /// <summary><c>--budget-usd</c> for a command that runs the pipeline: this run's model spend (<c>Vision:RunBudgetUsd</c>).</summary>
    public static Option<double?> RunBudgetUsd() =>
        BudgetUsd("The most this run's model calls may cost, in USD at Evaluation:Prices; pages past it are stored as budget_spent, retryable.");

    public static Option<bool> Json() => new("--json") { Description = "Print the result as JSON instead of a summary." };

    /// <summary>Turns the shared options that were given into configuration keys.</summary>
    public static Dictionary<string, string?> Overrides(
        ParseResult parse, Option<DirectoryInfo?>? data = null, Option<string?>? model = null, Option<Uri?>? endpoint = null, Option<double?>? runBudget = null)
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

        if (runBudget is not null && parse.GetValue(runBudget) is { } usd)
        {
            overrides[$"{VisionOptions.SectionName}:{nameof(VisionOptions.RunBudgetUsd)}"] = usd.ToString("R", CultureInfo.InvariantCulture);
        }

        return overrides;
    }
}
