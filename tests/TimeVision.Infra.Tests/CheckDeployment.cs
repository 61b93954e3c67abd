using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using TimeVision.Api.Access;
using TimeVision.Testing;

namespace TimeVision.Infra.Tests;

/// <summary>
/// What one parameter file of <c>infra/checks/</c> deploys, compiled with the Bicep CLI (<c>build-params</c>: the
/// template and the parameters together, <see cref="InfraCompilation"/>) and worked out by <see cref="ArmExpression"/>: which hosting runs the app,
/// whether its sign-in resource is deployed and on, and the access settings the app is given.
/// </summary>
internal sealed class CheckDeployment
{
    private static readonly ConcurrentDictionary<string, Lazy<CheckDeployment>> Compiled = new(StringComparer.Ordinal);

    private readonly ArmScope _main;
    private readonly ArmScope _app;
    private readonly JsonElement _signInResource;

    private CheckDeployment(JsonElement template, JsonElement parameters)
    {
        var main = _main = ArmScope.Root(template, parameters);
        var deployments = template.GetProperty("resources").EnumerateArray().Where(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments");
        var app = deployments.Single(d => d.GetProperty("name").GetString() is "containerapp" or "functionapp" && (bool)ArmExpression.Value(d.GetProperty("condition"), main)!);
        Hosting = app.GetProperty("name").GetString()!;
        _app = main.Module(app);
        _signInResource = InfraTemplate.ResourcesOf(_app.Template).Single(r => r.GetProperty("type").GetString() is "Microsoft.App/containerApps/authConfigs" or "Microsoft.Web/sites/config");
    }

    /// <summary>The parameter files in <c>infra/checks/</c>, by file name.</summary>
    public static IEnumerable<string> Files => Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "infra", "checks"), "*.bicepparam").Select(Path.GetFileName).Order()!;

    /// <summary>The app registration's client id the file gives (<c>authClientId</c>), or empty.</summary>
    public string AuthClientId => (string)_main.Parameter("authClientId")!;

    /// <summary>The module that runs the app: <c>containerapp</c> or <c>functionapp</c>.</summary>
    public string Hosting { get; }

    /// <summary>Whether the platform's sign-in (the module's <c>authConfigs</c> or <c>authsettingsV2</c>) is deployed and on.</summary>
    public bool SignInOn =>
        (bool)ArmExpression.Value(_signInResource.GetProperty("condition"), _app)!
        && (bool)ArmExpression.Property(ArmExpression.Property(ArmExpression.Value(_signInResource.GetProperty("properties"), _app), "platform"), "enabled")!;

    /// <summary>The sign-in resource's properties, worked out.</summary>
    public object? SignInProperties => ArmExpression.Value(_signInResource.GetProperty("properties"), _app);

    /// <summary>The app's <c>Access__*</c> settings: the shared ones (<c>app-settings.bicep</c>) and the module's own.</summary>
    public IReadOnlyDictionary<string, string> AccessSettings =>
        _app.Template.GetProperty("functions").EnumerateArray().Single().GetProperty("members").GetProperty("appSettings").GetProperty("output").GetProperty("value").EnumerateArray()
            .Concat(_app.Template.GetProperty("variables").GetProperty("hostingSettings").EnumerateArray())
            .Where(s => s.ValueKind == JsonValueKind.Object && s.GetProperty("name").GetString()!.StartsWith("Access__", StringComparison.Ordinal))
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => (string)ArmExpression.Value(s.GetProperty("value"), _app)!);

    /// <summary>A setting of the shared ones (<c>app-settings.bicep</c>'s function, given the module's <c>settings</c>), worked out.</summary>
    /// <param name="name">The setting's name.</param>
    public object? SharedSetting(string name)
    {
        var function = _app.Template.GetProperty("functions").EnumerateArray().Single().GetProperty("members").GetProperty("appSettings");
        var scope = new ArmScope(function, parameter => _app.Given(parameter == "input" ? "settings" : parameter));
        var entry = function.GetProperty("output").GetProperty("value").EnumerateArray()
            .Single(s => s.ValueKind == JsonValueKind.Object && s.GetProperty("name").GetString() == name);
        return ArmExpression.Value(entry.GetProperty("value"), scope);
    }

    /// <summary>
    /// The process environment the app gets: its access settings, and what the platform adds. App Service sets
    /// <c>WEBSITE_AUTH_ENABLED=True</c> when its authentication is on; Container Apps sets <c>CONTAINER_APP_NAME</c> in
    /// every container app.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment
    {
        get
        {
            var environment = new Dictionary<string, string>(AccessSettings, StringComparer.Ordinal);
            if (Hosting == "containerapp")
            {
                environment[PlatformSignInEvidence.ContainerAppVariable] = "func-timevision-check";
            }
            else if (SignInOn)
            {
                environment[PlatformSignInEvidence.AppServiceVariable] = "True";
            }

            return environment;
        }
    }

    /// <summary>The access settings as the app binds them from <see cref="Environment"/>.</summary>
    public AccessOptions Access =>
        new ConfigurationBuilder().AddInMemoryCollection(Environment.Select(e => new KeyValuePair<string, string?>(e.Key.Replace("__", ":", StringComparison.Ordinal), e.Value)))
            .Build().GetSection(AccessOptions.SectionName).Get<AccessOptions>() ?? new AccessOptions();

    /// <summary>The deployment of <c>infra/checks/<paramref name="file"/></c>, compiled once per test run.</summary>
    public static CheckDeployment Of(string file) => Compiled.GetOrAdd(file, name => new Lazy<CheckDeployment>(() => Compile(name))).Value;

    private static CheckDeployment Compile(string file)
    {
        var (template, parameters) = InfraCompilation.Current.Checks[file];
        return new CheckDeployment(template, parameters);
    }
}
