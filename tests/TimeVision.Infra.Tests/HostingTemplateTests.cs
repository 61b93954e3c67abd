using System.Text.Json;
using TimeVision.Functions.Triggers;
using TimeVision.Testing;

namespace TimeVision.Infra.Tests;

/// <summary>
/// Where <c>infra/</c> runs the app (Azure Container Apps by default, Elastic Premium as the option), how Event Grid
/// reaches the blob trigger, and the monthly budget.
/// </summary>
public sealed class HostingTemplateTests
{
    private static JsonElement Parameter(string name) => InfraTemplate.Root.GetProperty("parameters").GetProperty(name);

    private static string ModuleParameter(string module, string name) =>
        InfraTemplate.Module(module).GetProperty("parameters").GetProperty(name).GetProperty("defaultValue").ToString();

    private static JsonElement Container(string module) =>
        InfraTemplate.Resources(module, "Microsoft.App/containerApps").Single().GetProperty("properties").GetProperty("template").GetProperty("containers").EnumerateArray().Single();

    private static string Script(string name) => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "scripts", name));

    [Fact]
    public void Container_Apps_is_the_default_hosting_and_each_hosting_deploys_only_its_own_app()
    {
        Assert.Equal("containerapps", Parameter("hosting").GetProperty("defaultValue").GetString());
        Assert.Equal(["containerapps", "elasticpremium"], Parameter("hosting").GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("[equals(parameters('hosting'), 'containerapps')]", InfraTemplate.Deployment("containerapp").GetProperty("condition").GetString());
        Assert.Equal("[equals(parameters('hosting'), 'elasticpremium')]", InfraTemplate.Deployment("functionapp").GetProperty("condition").GetString());
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "main.parameters.json")));
        Assert.Equal("${TIMEVISION_HOSTING=containerapps}", file.RootElement.GetProperty("parameters").GetProperty("hosting").GetProperty("value").GetString());
    }

    [Fact]
    public void The_container_app_is_a_functions_app_on_the_Consumption_profile_with_one_replica_always_running()
    {
        var environment = InfraTemplate.Resources("containerapp", "Microsoft.App/managedEnvironments").Single().GetProperty("properties");
        var app = InfraTemplate.Resources("containerapp", "Microsoft.App/containerApps").Single();
        var properties = app.GetProperty("properties");
        var container = properties.GetProperty("template").GetProperty("containers").EnumerateArray().Single();

        Assert.Equal("Consumption", environment.GetProperty("workloadProfiles").EnumerateArray().Single().GetProperty("workloadProfileType").GetString());
        Assert.Equal("functionapp", app.GetProperty("kind").GetString());
        Assert.Equal("Consumption", properties.GetProperty("workloadProfileName").GetString());
        Assert.Equal("UserAssigned", app.GetProperty("identity").GetProperty("type").GetString());
        Assert.Equal("[parameters('identityId')]", properties.GetProperty("configuration").GetProperty("registries").EnumerateArray().Single().GetProperty("identity").GetString());

        // The Durable Task hub on Azure Storage needs a replica running; the maximum is stated.
        Assert.Equal(1, properties.GetProperty("template").GetProperty("scale").GetProperty("minReplicas").GetInt32());
        Assert.Equal("[parameters('maximumReplicas')]", properties.GetProperty("template").GetProperty("scale").GetProperty("maxReplicas").GetString());
        Assert.Equal("[parameters('containerAppsMaxReplicas')]", InfraTemplate.Deployment("containerapp").GetProperty("properties").GetProperty("parameters").GetProperty("maximumReplicas").GetProperty("value").GetString());

        // Sized from the A1 measurement in infra/README.md: one vCPU and 2 GiB, a pair the Consumption profile allows.
        Assert.Equal(("1.0", "2Gi"), (ModuleParameter("containerapp", "cpu"), ModuleParameter("containerapp", "memory")));
        Assert.Equal("[json(parameters('cpu'))]", container.GetProperty("resources").GetProperty("cpu").GetString());
        Assert.Contains("1 vCPU and 2 GiB", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_blob_trigger_key_Event_Grid_calls_with_is_seeded_where_the_host_reads_its_keys()
    {
        var hostKeys = InfraTemplate.Module("host-keys");
        var secrets = InfraTemplate.Resources("host-keys", "Microsoft.KeyVault/vaults/secrets")
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("properties").GetProperty("value").GetString());
        var settings = InfraTemplate.AppSettings("containerapp");

        // The host names a key host--<kind>--<name>, a character that is not a letter or digit as '-' and its code.
        var blobsExtension = "host--systemKey--" + string.Concat("blobs_extension".Select(c => char.IsLetterOrDigit(c) ? $"{c}" : $"-{(int)c:D3}"));
        Assert.Equal("[parameters('blobsExtensionKey')]", secrets[$"[format('{{0}}/{{1}}', parameters('name'), '{blobsExtension}')]"]);
        Assert.Equal("[parameters('masterKey')]", secrets["[format('{0}/{1}', parameters('name'), 'host--masterKey--master')]"]);
        Assert.Equal("securestring", hostKeys.GetProperty("parameters").GetProperty("blobsExtensionKey").GetProperty("type").GetString());

        Assert.Equal("keyvault", settings["AzureWebJobsSecretStorageType"]);
        Assert.Equal("[parameters('input').hostKeysVaultUri]", settings["AzureWebJobsSecretStorageKeyVaultUri"]);
        Assert.Equal("[parameters('input').identityClientId]", settings["AzureWebJobsSecretStorageKeyVaultClientId"]);
        Assert.EndsWith(".outputs.uri.value]", InfraTemplate.Deployment("containerapp").GetProperty("properties").GetProperty("parameters").GetProperty("settings").GetProperty("value").GetProperty("hostKeysVaultUri").GetString(), StringComparison.Ordinal);

        // azd generates each key once per environment and keeps it, so a re-provision does not change the key under the host.
        foreach (var key in new[] { "hostMasterKey", "blobsExtensionKey" })
        {
            Assert.Equal("generate", Parameter(key).GetProperty("metadata").GetProperty("azd").GetProperty("type").GetString());
            Assert.Equal("securestring", Parameter(key).GetProperty("type").GetString());
        }
    }

    [Fact]
    public void The_app_may_write_host_keys_only_in_their_own_vault()
    {
        const string secretsOfficer = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";
        var hostKeysVariables = InfraTemplate.Module("host-keys").GetProperty("variables");
        var hostKeysRoles = InfraTemplate.Resources("host-keys", "Microsoft.Authorization/roleAssignments").Select(r => r.GetProperty("properties")).ToList();
        var openAIVaultVariables = InfraTemplate.Module("keyvault").GetProperty("variables");
        var openAIVaultAppRole = InfraTemplate.Resources("keyvault", "Microsoft.Authorization/roleAssignments").Select(r => r.GetProperty("properties"))
            .Single(r => r.TryGetProperty("principalType", out var type) && type.GetString() == "ServicePrincipal");

        Assert.Equal(secretsOfficer, hostKeysVariables.GetProperty("secretsOfficer").GetString());
        Assert.Contains(hostKeysRoles, r => r.TryGetProperty("principalType", out var type) && type.GetString() == "ServicePrincipal" && r.GetProperty("roleDefinitionId").GetString()!.Contains("variables('secretsOfficer')", StringComparison.Ordinal));
        Assert.Contains("variables('secretsUser')", openAIVaultAppRole.GetProperty("roleDefinitionId").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(secretsOfficer, openAIVaultVariables.GetProperty("secretsUser").GetString());
        Assert.NotEqual(
            InfraTemplate.Deployment("keyvault").GetProperty("properties").GetProperty("parameters").GetProperty("name").GetProperty("value").GetString(),
            InfraTemplate.Deployment("host-keys").GetProperty("properties").GetProperty("parameters").GetProperty("name").GetProperty("value").GetString());
    }

    [Fact]
    public void Event_Grid_sends_BlobCreated_under_drawings_to_the_blob_triggers_webhook_and_dead_letters_the_rest()
    {
        var topic = InfraTemplate.Resources("blob-events", "Microsoft.EventGrid/systemTopics").Single();
        var subscribe = Script("subscribe-blob-events.sh");
        var deadLetter = InfraTemplate.Resources("storage", "Microsoft.Storage/storageAccounts/blobServices/containers")
            .Select(c => c.GetProperty("name").GetString()!.Split('\'')[^2]).Single(name => name.Contains("deadletter", StringComparison.Ordinal));

        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.GetProperty("properties").GetProperty("topicType").GetString());
        Assert.Equal("SystemAssigned", topic.GetProperty("identity").GetProperty("type").GetString());
        Assert.Contains("--included-event-types Microsoft.Storage.BlobCreated", subscribe, StringComparison.Ordinal);
        Assert.Contains($"--subject-begins-with /blobServices/default/containers/{Core.Storage.BlobReference.DrawingsContainer}/", subscribe, StringComparison.Ordinal);
        Assert.Contains($"function_name=\"{nameof(DrawingBlobTrigger)}\"", subscribe, StringComparison.Ordinal);
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.${function_name}&code=${key}", subscribe, StringComparison.Ordinal);
        Assert.Contains("--deadletter-identity-endpoint", subscribe, StringComparison.Ordinal);
        Assert.Equal("drawing-events-deadletter", deadLetter);

        // The key is read from the vault, never echoed, and the hook runs after the image it needs is deployed.
        Assert.DoesNotContain("echo \"$key", subscribe, StringComparison.Ordinal);
        Assert.DoesNotContain("set -x", subscribe, StringComparison.Ordinal);
        var azureYaml = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "azure.yaml"));
        Assert.Contains("run: bash infra/scripts/deploy-image.sh && bash infra/scripts/subscribe-blob-events.sh", azureYaml, StringComparison.Ordinal);
        var outputs = InfraTemplate.Root.GetProperty("outputs");
        foreach (var variable in System.Text.RegularExpressions.Regex.Matches(subscribe, @"\$\{([A-Z_]+):\?").Select(m => m.Groups[1].Value))
        {
            Assert.True(outputs.TryGetProperty(variable, out _), $"the subscribe hook needs the output {variable}");
        }
    }

    [Fact]
    public void The_deploy_hook_updates_the_image_where_the_app_runs()
    {
        var deploy = Script("deploy-image.sh");

        Assert.Contains("if [ \"${HOSTING:-containerapps}\" = \"containerapps\" ]", deploy, StringComparison.Ordinal);
        Assert.Contains("az containerapp update --name \"$FUNCTION_APP_NAME\"", deploy, StringComparison.Ordinal);
        Assert.Contains("az functionapp config container set --name \"$FUNCTION_APP_NAME\"", deploy, StringComparison.Ordinal);
        Assert.Equal("[parameters('hosting')]", InfraTemplate.Root.GetProperty("outputs").GetProperty("HOSTING").GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("containerapps.bicepparam", "5")]
    [InlineData("elasticpremium.bicepparam", "5")]
    [InlineData("elasticpremium-signin.bicepparam", "12.5")]
    public void The_daily_model_budget_reaches_the_app_from_DAILY_BUDGET_USD_with_a_modest_default(string file, string expected)
    {
        using var parameters = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "main.parameters.json")));

        Assert.Equal("${DAILY_BUDGET_USD=5}", parameters.RootElement.GetProperty("parameters").GetProperty("dailyBudgetUsd").GetProperty("value").GetString());
        Assert.Equal("5", Parameter("dailyBudgetUsd").GetProperty("defaultValue").GetString());
        Assert.Equal(expected, CheckDeployment.Of(file).SharedSetting("Vision__DailyBudgetUsd"));

        // Both hostings give the app the shared settings made from main.bicep's settings, the budget among them.
        Assert.StartsWith("[concat(__bicep.appSettings(parameters('settings'))", Container("containerapp").GetProperty("env").GetString(), StringComparison.Ordinal);
        Assert.StartsWith(
            "[concat(__bicep.appSettings(parameters('settings'))",
            InfraTemplate.Resources("functionapp", "Microsoft.Web/sites").Single().GetProperty("properties").GetProperty("siteConfig").GetProperty("appSettings").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_monthly_budget_alerts_the_given_address_at_80_and_100_percent_and_exists_only_with_an_address()
    {
        var budget = InfraTemplate.Resources("budget", "Microsoft.Consumption/budgets").Single().GetProperty("properties");
        var notifications = budget.GetProperty("notifications").EnumerateObject().Select(n => n.Value).ToList();

        Assert.Equal("[not(empty(parameters('budgetAlertEmail')))]", InfraTemplate.Deployment("budget").GetProperty("condition").GetString());
        Assert.Equal("Monthly", budget.GetProperty("timeGrain").GetString());
        Assert.Equal("Cost", budget.GetProperty("category").GetString());
        Assert.Equal([80, 100], notifications.Select(n => n.GetProperty("threshold").GetInt32()).Order());
        Assert.All(notifications, n =>
        {
            Assert.Equal("Actual", n.GetProperty("thresholdType").GetString());
            Assert.Equal("[parameters('contactEmails')]", n.GetProperty("contactEmails").GetString());
        });
        Assert.Equal(
            "[parameters('budgetAlertEmail')]",
            InfraTemplate.Deployment("budget").GetProperty("properties").GetProperty("parameters").GetProperty("contactEmails").GetProperty("value").EnumerateArray().Single().GetString());
    }
}
