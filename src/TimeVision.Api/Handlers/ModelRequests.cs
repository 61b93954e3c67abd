using TimeVision.Core.ModelOps.ModelCheck;

namespace TimeVision.Api.Handlers;

/// <summary>The body of <c>POST /api/model/check</c> and <c>POST /api/model/activate</c>: <c>{"model": "…", "force": false}</c>.</summary>
/// <param name="Model">The model id.</param>
/// <param name="Force">Whether to activate it even when it fails the check.</param>
public sealed record ModelRequest(string? Model, bool? Force);

/// <summary>
/// The 409 of an activation whose model failed the check: <c>{"error": {"code": "model_check_failed", "message"}, "check": {…}}</c>,
/// the report beside the error so the admin sees why.
/// </summary>
/// <param name="Error">The error's code and message.</param>
/// <param name="Check">The check's report.</param>
public sealed record ModelCheckFailed(ModelCheckFailedError Error, ModelCheckReport? Check);

/// <summary>The error of <see cref="ModelCheckFailed"/>.</summary>
/// <param name="Code">The code, <c>model_check_failed</c>.</param>
/// <param name="Message">What the caller is told.</param>
public sealed record ModelCheckFailedError(string Code, string Message);
