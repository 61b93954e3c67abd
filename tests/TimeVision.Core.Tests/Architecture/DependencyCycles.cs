namespace TimeVision.Core.Tests.Architecture;

/// <summary>The loops of a directed graph: its strongly connected components of more than one node (Tarjan).</summary>
internal static class DependencyCycles
{
    /// <summary>Each group of nodes that reach one another, sorted.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Find(IEnumerable<(string From, string To)> edges)
    {
        var graph = new Dictionary<string, List<string>>();
        foreach (var (from, to) in edges)
        {
            (graph.TryGetValue(from, out var targets) ? targets : graph[from] = []).Add(to);
            graph.TryAdd(to, []);
        }

        var search = new Search(graph);
        foreach (var node in graph.Keys)
        {
            if (!search.Index.ContainsKey(node))
            {
                search.Visit(node);
            }
        }

        return search.Components;
    }

    private sealed class Search(Dictionary<string, List<string>> graph)
    {
        private readonly Dictionary<string, int> _low = [];
        private readonly Stack<string> _stack = new();
        private readonly HashSet<string> _onStack = [];

        public Dictionary<string, int> Index { get; } = [];

        public List<IReadOnlyList<string>> Components { get; } = [];

        public void Visit(string node)
        {
            Index[node] = _low[node] = Index.Count;
            _stack.Push(node);
            _onStack.Add(node);
            foreach (var next in graph[node])
            {
                if (!Index.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    _low[node] = Math.Min(_low[node], _low[next]);
                }
                else if (_onStack.Contains(next))
                {
                    _low[node] = Math.Min(_low[node], nextIndex);
                }
            }

            if (_low[node] == Index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = _stack.Pop();
                    _onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    Components.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }
    }
}
