using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates;

namespace TimeVision.Core.Estimating.Vision;

/// <summary>Why a model cannot be reached: a stable code and what to do.</summary>
/// <param name="Code"><see cref="ModelAccess.MissingApiKeyCode"/>.</param>
/// <param name="Message">What to configure.</param>
public sealed record ModelAccessError(string Code, string Message);

/// <summary>
/// The missing-key rule, once for every host: a model the endpoint serves (or a calibration of one) can be asked only
/// when the endpoint can be reached (<see cref="VisionAccess.KindOf"/>: an API key or Entra ID); the estimators that run
/// here (<c>offline</c>, <c>history</c>) need nothing. The CLI's commands, the HTTP model check and activation, and the
/// intake all ask it, so they refuse the same cases with the same code and message.
/// </summary>
/// <param name="vision">The vision settings, read at each question.</param>
public sealed class ModelAccess(IOptionsMonitor<VisionOptions> vision)
{
    /// <summary>The error code when no way to the endpoint is configured.</summary>
    public const string MissingApiKeyCode = "missing_api_key";

    /// <summary>Whether the model endpoint can be reached at all.</summary>
    public bool HasEndpoint => VisionAccess.KindOf(vision.CurrentValue) != VisionCredentialKind.None;

    /// <summary>Why the model endpoint cannot be reached, or <see langword="null"/> when it can.</summary>
    public ModelAccessError? CheckEndpoint() =>
        HasEndpoint ? null : new ModelAccessError(MissingApiKeyCode, VisionAccess.MissingCredentialMessage);

    /// <summary>Why <paramref name="model"/> cannot be asked, or <see langword="null"/> when it can.</summary>
    /// <param name="model">The model to ask.</param>
    public ModelAccessError? Check(ModelId model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.NeedsEndpoint ? CheckEndpoint() : null;
    }

    /// <summary>
    /// Why <paramref name="model"/> cannot be switched on, or <see langword="null"/>: an activation runs the model check
    /// (<see cref="Check"/>'s rule) unless forced, and a forced one sends nothing, so it needs no key yet.
    /// </summary>
    /// <param name="model">The model to switch on.</param>
    /// <param name="force">Switch without the model check.</param>
    public ModelAccessError? CheckActivation(ModelId model, bool force) => force ? null : Check(model);

    /// <summary>Whether <paramref name="model"/> can be asked.</summary>
    /// <param name="model">The model to ask.</param>
    public bool CanAsk(ModelId model) => Check(model) is null;
}
