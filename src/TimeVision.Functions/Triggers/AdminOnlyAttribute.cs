namespace TimeVision.Functions.Triggers;

/// <summary>
/// An HTTP function only callers with the admin app role (<c>Access:AdminRole</c>, <c>TimeVision.Admin</c>) may call;
/// <see cref="Middleware.CallerAccess"/> checks it. <c>timevision serve</c> has one access token and no roles.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AdminOnlyAttribute : Attribute;
