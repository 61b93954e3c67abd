using System.Diagnostics.CodeAnalysis;

namespace TimeVision.Core.Estimating.Rendering;

/// <summary>The outcome of a rendering step: either a value or a typed <see cref="RenderError"/>.</summary>
/// <typeparam name="T">The value a successful step produces.</typeparam>
public sealed record RenderResult<T>
    where T : class
{
    private RenderResult(T? value, RenderError? error) => (Value, Error) = (value, error);

    /// <summary>The value, when the step succeeded.</summary>
    public T? Value { get; }

    /// <summary>The error, when the step failed.</summary>
    public RenderError? Error { get; }

    /// <summary>Whether the step succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    /// <summary>A successful outcome.</summary>
    /// <param name="value">The value produced.</param>
    public static RenderResult<T> Success(T value) => new(value, null);

    /// <summary>A failed outcome.</summary>
    /// <param name="code">The stable error code.</param>
    /// <param name="message">A message a person can act on.</param>
    public static RenderResult<T> Failure(RenderErrorCode code, string message) => new(null, new RenderError(code, message));

    /// <summary>A failed outcome carrying an existing error.</summary>
    /// <param name="error">The error.</param>
    public static RenderResult<T> Failure(RenderError error) => new(null, error);
}
