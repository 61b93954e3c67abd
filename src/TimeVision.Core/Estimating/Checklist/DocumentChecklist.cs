namespace TimeVision.Core.Estimating.Checklist;

/// <summary>One line of a document's checklist as the estimator last left it.</summary>
/// <param name="Item">The line's key, as the page names it (<c>p1.material</c>, <c>part1.size</c>): <see cref="ChecklistLimits.ItemPattern"/>.</param>
/// <param name="Checked">Whether it is ticked.</param>
/// <param name="By">Who ticked or cleared it, as the host knows them.</param>
/// <param name="At">When.</param>
public sealed record ChecklistItem(string Item, bool Checked, string? By, DateTimeOffset At);

/// <summary>
/// The facts checklist of one document: which of the drawing's facts an estimator has checked, by whom and when.
/// Kept apart from the estimate, so ticking a line never conflicts with an adjustment saved meanwhile.
/// </summary>
/// <param name="DocumentId">The document.</param>
/// <param name="Items">Every line ever ticked or cleared, in the order first touched.</param>
public sealed record DocumentChecklist(string DocumentId, IReadOnlyList<ChecklistItem> Items)
{
    /// <summary>The stored copy's concurrency token; set by the store on read, not stored.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? ETag { get; init; }

    /// <summary>An empty checklist.</summary>
    /// <param name="documentId">The document.</param>
    public static DocumentChecklist Empty(string documentId) => new(documentId, []);

    /// <summary>This checklist with <paramref name="item"/> in place of the line of the same key, or added at the end.</summary>
    /// <param name="item">The line as now left.</param>
    public DocumentChecklist With(ChecklistItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var items = Items.ToList();
        var index = items.FindIndex(existing => existing.Item == item.Item);
        if (index >= 0)
        {
            items[index] = item;
        }
        else
        {
            items.Add(item);
        }

        return this with { Items = items };
    }
}
