namespace TimeVision.Core.Learning.FineTuning;

/// <summary>A fine-tuning job cannot be started from what was given; nothing was uploaded.</summary>
public sealed class FineTuneInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">A stable, machine-readable code, e.g. <c>no_export</c>.</param>
    /// <param name="message">What is wrong and what to do.</param>
    public FineTuneInputException(string code, string message)
        : base(message) => Code = code;

    /// <summary>Creates the exception.</summary>
    public FineTuneInputException()
        : this("invalid_input", "The fine-tuning input is invalid.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public FineTuneInputException(string message)
        : this("invalid_input", message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public FineTuneInputException(string message, Exception innerException)
        : base(message, innerException) => Code = "invalid_input";

    /// <summary>The stable code.</summary>
    public string Code { get; } = "invalid_input";
}
