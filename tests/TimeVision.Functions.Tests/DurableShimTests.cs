using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using TimeVision.Core.Durable;

namespace TimeVision.Functions.Tests;

/// <summary>
/// The Functions app runs Core's orchestrator and activity classes through one-line <c>[Function]</c> shims
/// (<c>Durable/</c>): each class needs one, under its class name (the name every host schedules and calls it by), with
/// its input and output types, and no shim may name a task Core does not have.
/// </summary>
public sealed class DurableShimTests
{
    private static readonly IReadOnlyList<MethodInfo> Shims = typeof(FunctionsApplicationBuilderExtensions).Assembly.GetTypes()
        .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance))
        .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null && DurableTrigger(method) is not null)
        .ToList();

    [Fact]
    public void Every_orchestrator_class_has_an_orchestration_trigger_shim_with_its_name_and_output()
    {
        Assert.NotEmpty(DurableTaskTypes.Orchestrators);
        foreach (var orchestrator in DurableTaskTypes.Orchestrators)
        {
            var shim = Assert.Single(Shims, method => FunctionName(method) == orchestrator.Name);
            Assert.IsType<OrchestrationTriggerAttribute>(DurableTrigger(shim).GetCustomAttribute<OrchestrationTriggerAttribute>());
            Assert.Equal(typeof(Task<>).MakeGenericType(DurableTaskTypes.SignatureOf(orchestrator).Output), shim.ReturnType);
        }
    }

    [Fact]
    public void Every_activity_class_has_an_activity_trigger_shim_with_its_name_input_and_output()
    {
        Assert.NotEmpty(DurableTaskTypes.Activities);
        foreach (var activity in DurableTaskTypes.Activities)
        {
            var shim = Assert.Single(Shims, method => FunctionName(method) == activity.Name);
            var trigger = DurableTrigger(shim);
            var (input, output) = DurableTaskTypes.SignatureOf(activity);
            Assert.NotNull(trigger.GetCustomAttribute<ActivityTriggerAttribute>());
            Assert.Equal(input, trigger.ParameterType);
            Assert.Equal(typeof(Task<>).MakeGenericType(output), shim.ReturnType);
            Assert.Contains(shim.GetParameters(), parameter => parameter.ParameterType == typeof(CancellationToken));
        }
    }

    [Fact]
    public void No_shim_names_a_task_Core_does_not_have()
    {
        var tasks = DurableTaskTypes.Orchestrators.Concat(DurableTaskTypes.Activities).Select(type => type.Name).ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(Shims, shim => !tasks.Contains(FunctionName(shim)));
    }

    private static string FunctionName(MethodInfo method) => method.GetCustomAttribute<FunctionAttribute>()!.Name;

    private static ParameterInfo DurableTrigger(MethodInfo method) =>
        method.GetParameters().SingleOrDefault(parameter =>
            parameter.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null || parameter.GetCustomAttribute<ActivityTriggerAttribute>() is not null)!;
}
