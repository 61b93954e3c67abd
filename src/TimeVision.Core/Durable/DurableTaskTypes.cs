using Microsoft.DurableTask;

namespace TimeVision.Core.Durable;

/// <summary>
/// Every orchestrator and activity class in Core, found by reflection, so no host keeps a list of them: the local
/// worker registers them all, and the Functions app's tests check that each has its <c>[Function]</c> shim. A task's
/// name is its class name.
/// </summary>
public static class DurableTaskTypes
{
    /// <summary>The orchestrator classes (subclasses of <see cref="TaskOrchestrator{TInput, TOutput}"/>).</summary>
    public static IReadOnlyList<Type> Orchestrators { get; } = Find(typeof(TaskOrchestrator<,>));

    /// <summary>The activity classes (subclasses of <see cref="TaskActivity{TInput, TOutput}"/>).</summary>
    public static IReadOnlyList<Type> Activities { get; } = Find(typeof(TaskActivity<,>));

    /// <summary>The input and output types of an orchestrator or activity class.</summary>
    /// <param name="task">One of <see cref="Orchestrators"/> or <see cref="Activities"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="task"/> is neither.</exception>
    public static (Type Input, Type Output) SignatureOf(Type task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var generic = BaseOf(task, typeof(TaskOrchestrator<,>)) ?? BaseOf(task, typeof(TaskActivity<,>))
            ?? throw new ArgumentException($"{task.Name} is not an orchestrator or activity class.", nameof(task));
        var arguments = generic.GetGenericArguments();
        return (arguments[0], arguments[1]);
    }

    private static List<Type> Find(Type generic) =>
        typeof(DurableTaskTypes).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && BaseOf(type, generic) is not null)
            .OrderBy(type => type.Name, StringComparer.Ordinal)
            .ToList();

    private static Type? BaseOf(Type type, Type generic)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == generic)
            {
                return current;
            }
        }

        return null;
    }
}
