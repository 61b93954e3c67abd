namespace TimeVision.Cli;

/// <summary>The process exit codes every <c>timevision</c> command uses.</summary>
public static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>Something other than the input failed (infrastructure, a bug).</summary>
    public const int Failure = 1;

    /// <summary>The input was rejected: not a PDF, encrypted, too large, a bad option…</summary>
    public const int BadInput = 2;

    /// <summary>The work ran, but a page ended blocked or failed.</summary>
    public const int Incomplete = 3;

    /// <summary>A write lost an optimistic-concurrency race; nothing was overwritten.</summary>
    public const int Conflict = 4;

    /// <summary>Today's model budget (<c>Vision:DailyBudgetUsd</c>) is spent; nothing was started.</summary>
    public const int BudgetSpent = 5;
}
