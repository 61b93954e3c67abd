namespace TimeVision.Core.Estimating.Checklist;

/// <summary>What a checklist line may be: keys the page makes, not free text.</summary>
public static class ChecklistLimits
{
    /// <summary>A line's key: lower-case letters, digits, dots, dashes and underscores, 1 to 64 of them.</summary>
    public const string ItemPattern = "^[a-z0-9._-]{1,64}$";

    /// <summary>The most lines one document's checklist keeps.</summary>
    public const int MaxItems = 200;

    /// <summary>The longest name kept as who ticked a line.</summary>
    public const int MaxByLength = 200;

    /// <summary>The largest request body the checklist route reads.</summary>
    public const int MaxBodyBytes = 2048;
}
