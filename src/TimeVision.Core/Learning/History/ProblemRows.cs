namespace TimeVision.Core.Learning.History;

/// <summary>
/// Rows an import could not use: every one is counted, and only the <see cref="MaxListed"/> with the lowest line numbers
/// are kept with their reasons, so a file of a million bad rows costs no more memory, and no longer a summary, than one
/// of a thousand.
/// </summary>
internal sealed class ProblemRows
{
    /// <summary>The most rows a summary lists in each of its lists.</summary>
    public const int MaxListed = 1000;

    // The highest line comes out first, so the one to drop is always at hand.
    private readonly PriorityQueue<RowProblem, int> _kept = new(MaxListed + 1, Comparer<int>.Create((a, b) => b.CompareTo(a)));

    /// <summary>Every row added.</summary>
    public int Count { get; private set; }

    /// <summary>Counts a row, and keeps it if it is among the first <see cref="MaxListed"/> by line.</summary>
    public void Add(RowProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Count++;
        if (_kept.Count < MaxListed)
        {
            _kept.Enqueue(problem, problem.Line);
        }
        else
        {
            _kept.EnqueueDequeue(problem, problem.Line);
        }
    }

    /// <summary>Counts and keeps each row of <paramref name="lines"/> with the same reason.</summary>
    public void AddAll(IEnumerable<int> lines, string reason)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            Add(new RowProblem(line, reason));
        }
    }

    /// <summary>The rows kept, by line.</summary>
    public IReadOnlyList<RowProblem> Listed => [.. _kept.UnorderedItems.Select(item => item.Element).OrderBy(problem => problem.Line)];
}
