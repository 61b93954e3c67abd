namespace TimeVision.Core.Rendering;

/// <summary>An expected rendering failure: a stable code and a message a person can act on.</summary>
/// <param name="Code">The stable error code.</param>
/// <param name="Message">What went wrong and, where possible, what to do about it.</param>
public sealed record RenderError(RenderErrorCode Code, string Message);
