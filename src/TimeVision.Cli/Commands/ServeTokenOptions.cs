using System.CommandLine;
using TimeVision.Cli.Serve;

namespace TimeVision.Cli.Commands;

/// <summary>
/// Where <c>timevision serve</c> takes its two access tokens from, the estimators' and the admin's: the option
/// (<c>--token</c>, <c>--admin-token</c>; visible to other users in <c>ps</c>), a file (<c>--token-file</c>,
/// <c>--admin-token-file</c>) or the environment (<see cref="TokenVariable"/>, <see cref="AdminTokenVariable"/>), in
/// that order. When tokens are asked for (<c>--listen</c>, or any token given), a token given nowhere is a new random one.
/// </summary>
internal sealed class ServeTokenOptions
{
    /// <summary>The environment variable of the estimators' token.</summary>
    public const string TokenVariable = "TIMEVISION_TOKEN";

    /// <summary>The environment variable of the admin's token.</summary>
    public const string AdminTokenVariable = "TIMEVISION_ADMIN_TOKEN";

    private readonly Source _estimator = new("--token", "--token-file", TokenVariable, "estimators'");
    private readonly Source _admin = new("--admin-token", "--admin-token-file", AdminTokenVariable, "admin's");

    /// <summary>The four options.</summary>
    public IEnumerable<Option> Options => [_estimator.Value, _estimator.File, _admin.Value, _admin.File];

    /// <summary>
    /// The estimators' and the admin's token, each with where it came from (<see langword="null"/>: generated now), or
    /// both <see langword="null"/> when none is asked for; or why a given one cannot be used.
    /// </summary>
    /// <param name="parse">The parsed command line.</param>
    /// <param name="listens">Whether <c>--listen</c> was given.</param>
    public (ServeToken? Estimator, ServeToken? Admin, string? Error) Resolve(ParseResult parse, bool listens)
    {
        var (estimator, estimatorError) = _estimator.Read(parse);
        var (admin, adminError) = _admin.Read(parse);
        if ((estimatorError ?? adminError) is { } error)
        {
            return (null, null, error);
        }

        if (!listens && estimator is null && admin is null)
        {
            return (null, null, null);
        }

        if (estimator is not null && estimator.Value == admin?.Value)
        {
            return (null, null, "The estimators' and the admin's tokens must differ.");
        }

        return (estimator ?? new ServeToken(ServeAccess.Generate(), null), admin ?? new ServeToken(ServeAccess.Generate(), null), null);
    }

    /// <summary>One token's option, file option and environment variable.</summary>
    private sealed class Source(string option, string fileOption, string variable, string whose)
    {
        public Option<string?> Value { get; } = new(option)
        {
            Description = $"The {whose} access token (at least 16 printable characters; other users see it in ps: prefer {fileOption} or {variable}).",
        };

        public Option<FileInfo?> File { get; } = new(fileOption) { Description = $"A file holding the {whose} access token." };

        public (ServeToken? Token, string? Error) Read(ParseResult parse)
        {
            string? text;
            string from;
            if (parse.GetValue(Value) is { } given)
            {
                (text, from) = (given, option);
            }
            else if (parse.GetValue(File) is { } file)
            {
                try
                {
                    (text, from) = (System.IO.File.ReadAllText(file.FullName).Trim(), file.FullName);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    return (null, $"Cannot read {fileOption} {file.FullName}: {exception.Message}");
                }
            }
            else if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnvironment)
            {
                (text, from) = (fromEnvironment.Trim(), variable);
            }
            else
            {
                return (null, null);
            }

            return text.Length < 16 || text.Any(c => c <= ' ' || c > '~')
                ? (null, $"The {whose} token from {from} must be at least 16 printable ASCII characters without spaces.")
                : (new ServeToken(text, from), null);
        }
    }
}

/// <summary>An access token and where it came from.</summary>
/// <param name="Value">The token.</param>
/// <param name="From">The option, file or environment variable it came from; <see langword="null"/> when generated.</param>
internal sealed record ServeToken(string Value, string? From);
