namespace TimeVision.Functions.Triggers;

/// <summary>
/// An HTTP function only callers with the admin app role (<c>Access:AdminRole</c>, <c>TimeVision.Admin</c>) may call;
/// <see cref="Middleware.CallerAccess"/> checks it, and <c>timevision serve</c> asks for its admin token (loopback without
/// tokens: this PC's user is the admin).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AdminOnlyAttribute : Attribute;
