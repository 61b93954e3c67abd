using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace TimeVision.Core.Estimating.Estimates;

/// <summary>What a <see cref="ModelId"/> names.</summary>
public enum ModelKind
{
    /// <summary>A model the endpoint serves: a provider's model, a fine-tune (<c>ft:…</c>) or an Azure deployment name.</summary>
    Deployment,

    /// <summary>The estimate read from the drawing's text layer with the reference tables (<see cref="ModelIds.Offline"/>).</summary>
    Offline,

    /// <summary>The estimate from the shop's similar past parts (<see cref="ModelIds.History"/>).</summary>
    History,

    /// <summary>Another model's estimate corrected by its calibration (<c>calibrated:&lt;base&gt;</c>).</summary>
    Calibrated,

    /// <summary>The process-time engine's minutes per piece from the part's features (<see cref="ModelIds.Engine"/>), with no model.</summary>
    Engine,
}

/// <summary>
/// A model id, parsed once: its text (as stored and sent, unchanged) and what it names. The text obeys
/// <see cref="ModelIds.Problem"/>'s rule; <c>calibrated:&lt;base&gt;</c> wraps a base that is not itself calibrated.
/// Serialized as its text, so JSON stored or passed between durable steps reads as before.
/// </summary>
[JsonConverter(typeof(ModelIdJsonConverter))]
public sealed record ModelId
{
    /// <summary>The prefix of a model's estimate corrected by its calibration: <c>calibrated:gpt-4.1</c>.</summary>
    public const string CalibratedPrefix = "calibrated:";

    private ModelId(string value, ModelKind kind, ModelId? calibrationOf)
    {
        Value = value;
        Kind = kind;
        CalibrationOf = calibrationOf;
    }

    /// <summary>The offline estimate's id.</summary>
    public static ModelId Offline { get; } = new(ModelIds.Offline, ModelKind.Offline, null);

    /// <summary>The history estimate's id.</summary>
    public static ModelId History { get; } = new(ModelIds.History, ModelKind.History, null);

    /// <summary>The process-time engine's id.</summary>
    public static ModelId Engine { get; } = new(ModelIds.Engine, ModelKind.Engine, null);

    /// <summary>The model estimates use when nothing chose one (<see cref="ModelIds.Default"/>).</summary>
    public static ModelId Default { get; } = new(ModelIds.Default, ModelKind.Deployment, null);

    /// <summary>The id's text, exactly as stored and sent to the provider.</summary>
    public string Value { get; }

    /// <summary>What the id names.</summary>
    public ModelKind Kind { get; }

    /// <summary>For a <see cref="ModelKind.Calibrated"/> id, the model whose estimate is corrected; else <see langword="null"/>.</summary>
    public ModelId? CalibrationOf { get; }

    /// <summary>Whether it runs here with no model and no key (<see cref="ModelKind.Offline"/>, <see cref="ModelKind.History"/>, <see cref="ModelKind.Engine"/>).</summary>
    public bool IsLocal => Kind is ModelKind.Offline or ModelKind.History or ModelKind.Engine;

    /// <summary>Whether answering it calls the model endpoint: a deployment, or a calibration of one.</summary>
    public bool NeedsEndpoint => Kind == ModelKind.Deployment || CalibrationOf is { NeedsEndpoint: true };

    /// <summary>Whether it names a fine-tuned model (<c>ft:gpt-4o-2024-08-06:org::id</c>).</summary>
    public bool IsFineTuned => Kind == ModelKind.Deployment && ModelIds.IsFineTuned(Value);

    /// <summary>The provider tag recorded with every result (<see cref="ModelIds.ProviderTag"/>).</summary>
    public string ProviderTag => ModelIds.ProviderTag(Value);

    /// <summary>
    /// What is wrong with <paramref name="text"/> as a model id (trimmed first), or <see langword="null"/> when it is one:
    /// <see cref="ModelIds.Problem"/>'s rule, and for <c>calibrated:</c> a base that is a model id and not calibrated.
    /// </summary>
    /// <param name="text">The id as a person or request gave it.</param>
    public static string? Problem(string? text)
    {
        var trimmed = text?.Trim();
        if (ModelIds.Problem(trimmed) is { } problem)
        {
            return problem;
        }

        if (!trimmed!.StartsWith(CalibratedPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var inner = trimmed[CalibratedPrefix.Length..];
        return inner.Length == 0 || inner.StartsWith(CalibratedPrefix, StringComparison.Ordinal)
            ? $"A calibrated model id names the model it corrects once: {CalibratedPrefix}<model id>, e.g. {CalibratedPrefix}gpt-4.1."
            : null;
    }

    /// <summary>Parses <paramref name="text"/> (trimmed), or says why it is not a model id.</summary>
    /// <param name="text">The id's text.</param>
    /// <param name="id">The parsed id, when it is one.</param>
    /// <param name="problem">Why it is not, when it is not.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ModelId? id, [NotNullWhen(false)] out string? problem)
    {
        problem = Problem(text);
        id = problem is null ? Create(text!.Trim()) : null;
        return id is not null;
    }

    /// <summary>Parses <paramref name="text"/> (trimmed).</summary>
    /// <param name="text">The id's text.</param>
    /// <exception cref="FormatException">It breaks <see cref="Problem"/>'s rule; hosts ask that first.</exception>
    public static ModelId Parse(string? text) =>
        TryParse(text, out var id, out var problem) ? id : throw new FormatException(problem);

    /// <summary>The id of <paramref name="model"/>'s estimate corrected by its calibration.</summary>
    /// <param name="model">A model that is not itself calibrated.</param>
    /// <exception cref="ArgumentException"><paramref name="model"/> is calibrated already.</exception>
    public static ModelId CalibratedFrom(ModelId model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Kind == ModelKind.Calibrated
            ? throw new ArgumentException($"{model.Value} is calibrated already.", nameof(model))
            : new ModelId(CalibratedPrefix + model.Value, ModelKind.Calibrated, model);
    }

    /// <summary>The id's text.</summary>
    public override string ToString() => Value;

    private static ModelId Create(string text) => text switch
    {
        ModelIds.Offline => Offline,
        ModelIds.History => History,
        ModelIds.Engine => Engine,
        _ when text.StartsWith(CalibratedPrefix, StringComparison.Ordinal) => CalibratedFrom(Create(text[CalibratedPrefix.Length..])),
        _ => new ModelId(text, ModelKind.Deployment, null),
    };
}
