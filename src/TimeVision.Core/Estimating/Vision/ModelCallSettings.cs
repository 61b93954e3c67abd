using System.Globalization;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>Everything about how one model is called, resolved from <see cref="VisionOptions"/>.</summary>
/// <param name="ModelId">The model id.</param>
/// <param name="SettingsName">The key of the model's own entry under <c>Vision:Models</c>, if it has one.</param>
/// <param name="MaxImageLongSidePx">The longest side of the image sent.</param>
/// <param name="Detail">The image detail of the first attempt.</param>
/// <param name="Dialect">How the request is worded.</param>
/// <param name="RetiresOn">The configured retirement date, if any.</param>
public sealed record ModelCallSettings(string ModelId, string? SettingsName, int MaxImageLongSidePx, string Detail, ModelDialect Dialect, DateOnly? RetiresOn)
{
    /// <summary>The setting value that sends no temperature or reasoning effort.</summary>
    public const string NotSent = "none";

    /// <summary>The values <c>reasoning_effort</c> takes, and <c>none</c> to send none.</summary>
    public const string ReasoningEffortPattern = "^(minimal|low|medium|high|none)$";

    /// <summary>
    /// Where a person changes <paramref name="setting"/> for this model: its own entry, or a new entry that names the
    /// model by <c>Id</c> (ids with colons cannot be configuration keys).
    /// </summary>
    /// <param name="setting">The setting's name, e.g. <c>Temperature</c>.</param>
    /// <param name="value">The value to set.</param>
    public string HowToSet(string setting, string value) =>
        SettingsName is { } name ? $"Vision:Models:{name}:{setting} = {value}"
        : ModelId.Contains(':', StringComparison.Ordinal) ? $"Vision:Models:<name>:Id = {ModelId} and Vision:Models:<name>:{setting} = {value}"
        : $"Vision:Models:{ModelId}:{setting} = {value}";

    /// <summary>Reads a temperature setting: a number, or <c>none</c> (or empty) for none.</summary>
    /// <exception cref="FormatException">It is neither.</exception>
    public static double? ParseTemperature(string? setting) =>
        string.IsNullOrWhiteSpace(setting) || string.Equals(setting.Trim(), NotSent, StringComparison.OrdinalIgnoreCase) ? null
        : double.TryParse(setting, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 2 ? value
        : throw new FormatException($"The temperature '{setting}' is neither a number from 0 to 2 nor '{NotSent}'.");
}
