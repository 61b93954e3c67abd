using System.Text.Json;

namespace TimeVision.Infra.Tests;

/// <summary>An object or array of a template, read in the scope it was written in.</summary>
/// <param name="Element">The JSON.</param>
/// <param name="Scope">Where its expressions are worked out.</param>
internal sealed record ArmNode(JsonElement Element, ArmScope Scope)
{
    public bool IsEmpty => Element.ValueKind == JsonValueKind.Array ? Element.GetArrayLength() == 0 : !Element.EnumerateObject().Any();

}

/// <summary>
/// A template's parameters and variables: the main template's with a parameter file's values, or a module's with the
/// values its deployment passes (worked out in the parent's scope); a parameter given nowhere takes its default.
/// </summary>
/// <param name="Template">The template.</param>
/// <param name="Given">The values given for its parameters, and the scope they are written in.</param>
internal sealed record ArmScope(JsonElement Template, Func<string, (JsonElement Value, ArmScope Scope)?> Given)
{
    /// <summary>The main template's scope, with the values of a parameters file (<c>"parameters": {name: {value}}</c>).</summary>
    public static ArmScope Root(JsonElement template, JsonElement parametersFile) =>
        new(template, name => parametersFile.GetProperty("parameters").TryGetProperty(name, out var given) ? (given.GetProperty("value"), Empty) : null);

    /// <summary>The scope of a module deployment of this template.</summary>
    public ArmScope Module(JsonElement deployment) =>
        new(deployment.GetProperty("properties").GetProperty("template"), name =>
            deployment.GetProperty("properties").GetProperty("parameters").TryGetProperty(name, out var given) && given.ValueKind == JsonValueKind.Object
                ? (given.GetProperty("value"), this)
                : null);

    public object? Parameter(string name) => Given(name) is { } given
        ? ArmExpression.Value(given.Value, given.Scope)
        : ArmExpression.Value(Template.GetProperty("parameters").GetProperty(name).GetProperty("defaultValue"), this);

    public object? Variable(string name) => ArmExpression.Value(Template.GetProperty("variables").GetProperty(name), this);

    private static ArmScope Empty { get; } = new(default, _ => null);
}
