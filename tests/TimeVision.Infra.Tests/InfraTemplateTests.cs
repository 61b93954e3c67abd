using System.Text.Json;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TimeVision.Core.Estimating.Estimates.Stores;
using TimeVision.Core.Estimating.Vision;
using TimeVision.Core.Estimating.Vision.Registry;
using TimeVision.Core.Learning.History;
using TimeVision.Core.Learning.History.Durable;
using TimeVision.Core.Storage;
using TimeVision.Functions;
using TimeVision.Testing;

namespace TimeVision.Infra.Tests;

/// <summary>What <c>infra/</c> deploys, checked against what the code expects.</summary>
public sealed class InfraTemplateTests
{
    /// <summary>Local settings whose Azure counterpart is identity-based, with the setting that replaces each.</summary>
    private static readonly Dictionary<string, string> IdentityCounterparts = new(StringComparer.Ordinal)
    {
        ["AzureWebJobsStorage"] = "AzureWebJobsStorage__accountName",
        ["Storage__BlobConnectionString"] = "Storage__BlobServiceUri",
        ["Storage__CosmosKey"] = "AZURE_CLIENT_ID",
    };

    /// <summary>Settings the platform reads rather than the app.</summary>
    private static readonly string[] PlatformSettings =
    [
        "FUNCTIONS_EXTENSION_VERSION", "WEBSITES_ENABLE_APP_SERVICE_STORAGE", "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId",
        "AzureWebJobsSecretStorageType", "AzureWebJobsSecretStorageKeyVaultUri", "AzureWebJobsSecretStorageKeyVaultClientId", "AzureWebJobsDisableHomepage",
    ];

    [Theory]
    [InlineData("containerapp")]
    [InlineData("functionapp")]
    public void Every_setting_the_app_reads_has_a_value_in_the_template_and_the_template_sets_nothing_else(string hosting)
    {
        var template = InfraTemplate.AppSettings(hosting);
        var sample = SampleSettings.Values().Select(s => s.Key.Replace(":", "__", StringComparison.Ordinal)).ToList();

        var missing = sample.Select(name => IdentityCounterparts.GetValueOrDefault(name, name)).Where(name => !template.ContainsKey(name)).ToList();
        var unknown = template.Keys.Except(sample).Except(IdentityCounterparts.Values).Except(PlatformSettings).ToList();

        Assert.True(missing.Count == 0, $"not in the template: {string.Join(", ", missing)}");
        Assert.True(unknown.Count == 0, $"in the template but read by nobody: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void Sign_in_with_entra_id_guards_the_page_and_the_api_when_a_client_id_is_given_and_the_api_stays_closed_without_one()
    {
        var auth = InfraTemplate.Resources("functionapp", "Microsoft.Web/sites/config").Single(r => r.GetProperty("name").GetString()!.Contains("authsettingsV2", StringComparison.Ordinal));
        var properties = auth.GetProperty("properties");
        var settings = InfraTemplate.AppSettings();

        Assert.Equal("[variables('signIn')]", auth.GetProperty("condition").GetString());
        Assert.Equal("[not(empty(parameters('authClientId')))]", InfraTemplate.Module("functionapp").GetProperty("variables").GetProperty("signIn").GetString());
        Assert.True(properties.GetProperty("globalValidation").GetProperty("requireAuthentication").GetBoolean());
        Assert.Equal("RedirectToLoginPage", properties.GetProperty("globalValidation").GetProperty("unauthenticatedClientAction").GetString());
        Assert.Equal(
            ["[parameters('authClientId')]", "[format('api://{0}', parameters('authClientId'))]"],
            properties.GetProperty("identityProviders").GetProperty("azureActiveDirectory").GetProperty("validation").GetProperty("allowedAudiences").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("[if(variables('signIn'), 'platform', 'closed')]", settings["Access__Mode"]);
        Assert.Equal("TimeVision.Admin", settings["Access__AdminRole"]);
        Assert.Equal("true", settings["AzureWebJobsDisableHomepage"]);
        Assert.Equal("open", SampleSettings.Values().Single(s => s.Key == "Access__Mode").Value);
    }

    [Fact]
    public void No_account_key_is_used_where_identity_works()
    {
        var settings = InfraTemplate.AppSettings();
        var storage = InfraTemplate.Resources("storage", "Microsoft.Storage/storageAccounts").Single().GetProperty("properties");
        var cosmos = InfraTemplate.Resources("cosmos", "Microsoft.DocumentDB/databaseAccounts").Single().GetProperty("properties");

        Assert.False(storage.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.True(cosmos.GetProperty("disableLocalAuth").GetBoolean());
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.DoesNotContain("Storage__CosmosKey", settings.Keys);
        Assert.DoesNotContain(settings.Values, value => value.Contains("AccountKey", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains("parameters('openAIApiKeyReference')", settings["OPENAI_API_KEY"], StringComparison.Ordinal);
        Assert.Contains("'@Microsoft.KeyVault(VaultName={0};SecretName={1})'", InfraTemplate.Module("keyvault").GetProperty("outputs").GetProperty("openAIApiKeyReference").GetProperty("value").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_OpenAI_key_setting_references_the_Key_Vault_secret_only_when_the_template_creates_it()
    {
        var keyVault = InfraTemplate.Module("keyvault");
        var secret = InfraTemplate.Resources("keyvault", "Microsoft.KeyVault/vaults/secrets").Single();
        var condition = secret.GetProperty("condition").GetString()!;
        var reference = keyVault.GetProperty("outputs").GetProperty("openAIApiKeyReference").GetProperty("value").GetString();
        var passed = InfraTemplate.Deployment("functionapp").GetProperty("properties").GetProperty("parameters").GetProperty("openAIApiKeyReference").GetString();
        var containerAppSecret = InfraTemplate.Deployment("containerapp").GetProperty("properties").GetProperty("parameters").GetProperty("openAIApiKeySecretUri").GetString();
        var secretUri = keyVault.GetProperty("outputs").GetProperty("openAIApiKeySecretUri").GetProperty("value").GetString();

        // The secret exists when a key was given; the reference is to it under that same condition, else empty.
        Assert.Equal("[variables('storesSecret')]", condition);
        Assert.Equal("[not(empty(parameters('openAIApiKey')))]", keyVault.GetProperty("variables").GetProperty("storesSecret").GetString());
        Assert.Equal("[if(variables('storesSecret'), format('@Microsoft.KeyVault(VaultName={0};SecretName={1})', parameters('name'), variables('secretName')), '')]", reference);

        // The app setting takes nothing but that output, and there is no other Key Vault reference in the template.
        Assert.StartsWith(IdentityOrKeyVault, passed, StringComparison.Ordinal);
        Assert.EndsWith(".outputs.openAIApiKeyReference.value))]", passed, StringComparison.Ordinal);
        Assert.Contains("parameters('openAIApiKeyReference')", InfraTemplate.AppSettings()["OPENAI_API_KEY"], StringComparison.Ordinal);
        Assert.Single(Occurrences(InfraTemplate.Root.GetRawText(), "@Microsoft.KeyVault("));

        // On Container Apps the same secret, by URI under the same condition, becomes a secret the variable refers to.
        Assert.Equal("[if(variables('storesSecret'), format('{0}secrets/{1}', reference(resourceId('Microsoft.KeyVault/vaults', parameters('name')), '2025-05-01').vaultUri, variables('secretName')), '')]", secretUri);
        Assert.StartsWith(IdentityOrKeyVault, containerAppSecret, StringComparison.Ordinal);
        Assert.EndsWith(".outputs.openAIApiKeySecretUri.value))]", containerAppSecret, StringComparison.Ordinal);
        Assert.Equal(
            "[if(variables('storesKey'), createObject('name', 'OPENAI_API_KEY', 'secretRef', variables('keySecretName')), createObject('name', 'OPENAI_API_KEY', 'value', ''))]",
            InfraTemplate.AppSettings("containerapp")["OPENAI_API_KEY"]);
        var app = InfraTemplate.Resources("containerapp", "Microsoft.App/containerApps").Single().GetProperty("properties").GetProperty("configuration");
        Assert.Contains("parameters('openAIApiKeySecretUri')", app.GetProperty("secrets").GetString(), StringComparison.Ordinal);
        Assert.Contains("parameters('identityId')", app.GetProperty("secrets").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Basic_publishing_credentials_are_off_for_SCM_and_FTP()
    {
        var policies = InfraTemplate.Resources("functionapp", "Microsoft.Web/sites/basicPublishingCredentialsPolicies")
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("properties").GetProperty("allow").GetBoolean());

        Assert.Equal(2, policies.Count);
        Assert.False(policies["[format('{0}/{1}', parameters('name'), 'scm')]"]);
        Assert.False(policies["[format('{0}/{1}', parameters('name'), 'ftp')]"]);
        Assert.All(InfraTemplate.Resources("functionapp", "Microsoft.Web/sites/basicPublishingCredentialsPolicies"), p => Assert.False(p.TryGetProperty("condition", out _)));
    }

    [Fact]
    public void The_Key_Vault_has_soft_delete_and_purge_protection_on()
    {
        var vault = InfraTemplate.Resources("keyvault", "Microsoft.KeyVault/vaults").Single().GetProperty("properties");

        Assert.True(vault.GetProperty("enableSoftDelete").GetBoolean());
        Assert.True(vault.GetProperty("enablePurgeProtection").GetBoolean());
        Assert.True(vault.GetProperty("enableRbacAuthorization").GetBoolean());
    }

    [Fact]
    public void The_azd_environment_folder_is_git_ignored()
    {
        // azd keeps each environment's values, OPENAI_API_KEY among them, in .azure/<environment>/.env.
        var ignored = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, ".gitignore")).Select(line => line.Trim());

        Assert.Contains(ignored, line => line is ".azure/" or ".azure" or "/.azure/" or "/.azure");
    }

    [Fact]
    public void Private_networking_is_an_option_off_by_default_that_leaves_the_default_deploy_public()
    {
        var declared = InfraTemplate.Root.GetProperty("parameters").GetProperty("enablePrivateNetworking");
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "main.parameters.json")));
        var site = InfraTemplate.Resources("functionapp", "Microsoft.Web/sites").Single().GetProperty("properties");
        var appSubnetId = InfraTemplate.Deployment("functionapp").GetProperty("properties").GetProperty("parameters").GetProperty("appSubnetId").GetProperty("value").GetString();

        Assert.Equal("bool", declared.GetProperty("type").GetString());
        Assert.False(declared.GetProperty("defaultValue").GetBoolean());
        Assert.Equal("${ENABLE_PRIVATE_NETWORKING=false}", file.RootElement.GetProperty("parameters").GetProperty("enablePrivateNetworking").GetProperty("value").GetString());
        Assert.Equal(PrivateNetworkingOn, InfraTemplate.Deployment("network").GetProperty("condition").GetString());

        // It is built for Elastic Premium's VNet integration: with Container Apps the stores stay public (identity only)
        // rather than private to a network the app is not in.
        Assert.Equal(
            "[and(parameters('enablePrivateNetworking'), equals(parameters('hosting'), 'elasticpremium'))]",
            InfraTemplate.Root.GetProperty("variables").GetProperty("privateNetworking").GetString());

        // Each of Storage, Cosmos DB and Key Vault: public access on and no private endpoint unless the option is on.
        foreach (var (module, type) in new[] { ("storage", "Microsoft.Storage/storageAccounts"), ("cosmos", "Microsoft.DocumentDB/databaseAccounts"), ("keyvault", "Microsoft.KeyVault/vaults") })
        {
            Assert.Equal(PrivateNetworkingOn, InfraTemplate.Deployment(module).GetProperty("properties").GetProperty("parameters").GetProperty("privateNetworking").GetProperty("value").GetString());
            Assert.False(InfraTemplate.Module(module).GetProperty("parameters").GetProperty("privateNetworking").GetProperty("defaultValue").GetBoolean());
            Assert.Equal("[if(parameters('privateNetworking'), 'Disabled', 'Enabled')]", InfraTemplate.Resources(module, type).Single().GetProperty("properties").GetProperty("publicNetworkAccess").GetString());
            Assert.All(PrivateEndpoints(module), endpoint => Assert.Contains("parameters('privateNetworking')", endpoint.Deployment.TryGetProperty("condition", out var condition) ? condition.GetString() : endpoint.Deployment.GetProperty("copy").GetProperty("count").GetString(), StringComparison.Ordinal));
        }

        // The Function App: no subnet (null), no routing through one, platform scaling, unless the network module gave one.
        Assert.StartsWith("[coalesce(tryGet(if(variables('privateNetworking'), ", appSubnetId, StringComparison.Ordinal);
        Assert.EndsWith("'outputs', 'appSubnetId', 'value'), '')]", appSubnetId, StringComparison.Ordinal);
        Assert.Equal("[not(empty(parameters('appSubnetId')))]", InfraTemplate.Module("functionapp").GetProperty("variables").GetProperty("vnetIntegration").GetString());
        Assert.Equal("[if(variables('vnetIntegration'), parameters('appSubnetId'), null())]", site.GetProperty("virtualNetworkSubnetId").GetString());
    }

    [Fact]
    public void With_private_networking_Storage_Cosmos_DB_and_Key_Vault_get_private_endpoints_registered_in_private_DNS_zones()
    {
        var network = InfraTemplate.Module("network");
        var zones = network.GetProperty("variables").GetProperty("zones");
        var endpoint = PrivateEndpoints("keyvault").Single().Template;
        var privateEndpoint = endpoint.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "Microsoft.Network/privateEndpoints").GetProperty("properties");
        var zoneGroup = endpoint.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "Microsoft.Network/privateEndpoints/privateDnsZoneGroups").GetProperty("properties");
        var storageEndpoints = PrivateEndpoints("storage").Single().Deployment;

        // The zones, each linked to the network, so the services' public names resolve to the endpoints inside it.
        Assert.Equal("[format('privatelink.blob.{0}', environment().suffixes.storage)]", zones.GetProperty("blob").GetString());
        Assert.Equal("[format('privatelink.queue.{0}', environment().suffixes.storage)]", zones.GetProperty("queue").GetString());
        Assert.Equal("[format('privatelink.table.{0}', environment().suffixes.storage)]", zones.GetProperty("table").GetString());
        Assert.Equal("privatelink.documents.azure.com", zones.GetProperty("cosmos").GetString());
        Assert.Equal("privatelink.vaultcore.azure.net", zones.GetProperty("vault").GetString());
        var zoneResources = ResourcesOf(network, "Microsoft.Network/privateDnsZones").Single();
        var links = ResourcesOf(network, "Microsoft.Network/privateDnsZones/virtualNetworkLinks").Single();
        Assert.Equal("[length(items(variables('zones')))]", zoneResources.GetProperty("copy").GetProperty("count").GetString());
        Assert.Equal("[length(items(variables('zones')))]", links.GetProperty("copy").GetProperty("count").GetString());
        Assert.Equal("[resourceId('Microsoft.Network/virtualNetworks', parameters('name'))]", links.GetProperty("properties").GetProperty("virtualNetwork").GetProperty("id").GetString());
        Assert.False(links.GetProperty("properties").GetProperty("registrationEnabled").GetBoolean());

        // Storage: blob, queue and table (the host and the Durable Task hub use all three); Cosmos DB: Sql; Key Vault: vault.
        Assert.Equal("[length(if(parameters('privateNetworking'), createArray('blob', 'queue', 'table'), createArray()))]", storageEndpoints.GetProperty("copy").GetProperty("count").GetString());
        Assert.Equal("[parameters('privateDnsZoneIds')[if(parameters('privateNetworking'), createArray('blob', 'queue', 'table'), createArray())[copyIndex()]]]", EndpointParameter(storageEndpoints, "dnsZoneId"));
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('name'))]", EndpointParameter(storageEndpoints, "targetId"));
        foreach (var (module, groupId, zone, target) in new[] { ("cosmos", "Sql", "cosmos", "Microsoft.DocumentDB/databaseAccounts"), ("keyvault", "vault", "vault", "Microsoft.KeyVault/vaults") })
        {
            var deployment = PrivateEndpoints(module).Single().Deployment;
            Assert.Equal(groupId, EndpointParameter(deployment, "groupId"));
            Assert.Equal($"[coalesce(tryGet(parameters('privateDnsZoneIds'), '{zone}'), '')]", EndpointParameter(deployment, "dnsZoneId"));
            Assert.Equal($"[resourceId('{target}', parameters('name'))]", EndpointParameter(deployment, "targetId"));
            Assert.Equal("[parameters('privateEndpointSubnetId')]", EndpointParameter(deployment, "subnetId"));
        }

        // One endpoint: in the subnet, to the resource's group, its address registered in the zone.
        Assert.Equal("[parameters('subnetId')]", privateEndpoint.GetProperty("subnet").GetProperty("id").GetString());
        var connection = privateEndpoint.GetProperty("privateLinkServiceConnections").EnumerateArray().Single().GetProperty("properties");
        Assert.Equal("[parameters('targetId')]", connection.GetProperty("privateLinkServiceId").GetString());
        Assert.Equal(["[parameters('groupId')]"], connection.GetProperty("groupIds").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("[parameters('dnsZoneId')]", zoneGroup.GetProperty("privateDnsZoneConfigs").EnumerateArray().Single().GetProperty("properties").GetProperty("privateDnsZoneId").GetString());

        // main.bicep hands every module the network's private endpoint subnet and zones.
        foreach (var module in new[] { "storage", "cosmos", "keyvault" })
        {
            var parameters = InfraTemplate.Deployment(module).GetProperty("properties").GetProperty("parameters");
            Assert.EndsWith("'outputs', 'privateEndpointSubnetId', 'value'), '')]", parameters.GetProperty("privateEndpointSubnetId").GetProperty("value").GetString(), StringComparison.Ordinal);
            Assert.EndsWith("'outputs', 'dnsZoneIds', 'value'), createObject())]", parameters.GetProperty("privateDnsZoneIds").GetProperty("value").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void With_private_networking_the_Function_App_is_VNet_integrated_and_reaches_the_internet_through_a_NAT_gateway()
    {
        var network = InfraTemplate.Module("network");
        var subnets = ResourcesOf(network, "Microsoft.Network/virtualNetworks").Single().GetProperty("properties").GetProperty("subnets").EnumerateArray().ToList();
        var app = subnets.Single(s => s.GetProperty("name").GetString() == "[variables('appSubnetName')]").GetProperty("properties");
        var endpoints = subnets.Single(s => s.GetProperty("name").GetString() == "[variables('privateEndpointSubnetName')]").GetProperty("properties");
        var site = InfraTemplate.Resources("functionapp", "Microsoft.Web/sites").Single().GetProperty("properties");
        var outputs = network.GetProperty("outputs");

        // The app subnet: delegated to App Service, out through the NAT gateway; the endpoints' subnet beside it.
        Assert.Equal("Microsoft.Web/serverFarms", app.GetProperty("delegations").EnumerateArray().Single().GetProperty("properties").GetProperty("serviceName").GetString());
        Assert.Equal("[resourceId('Microsoft.Network/natGateways', parameters('natGatewayName'))]", app.GetProperty("natGateway").GetProperty("id").GetString());
        Assert.Equal("[cidrSubnet(parameters('addressPrefix'), 24, 0)]", app.GetProperty("addressPrefix").GetString());
        Assert.Equal("[cidrSubnet(parameters('addressPrefix'), 24, 1)]", endpoints.GetProperty("addressPrefix").GetString());
        Assert.Equal("Disabled", endpoints.GetProperty("privateEndpointNetworkPolicies").GetString());
        Assert.Single(ResourcesOf(network, "Microsoft.Network/natGateways"));
        Assert.Equal("[format('{0}/subnets/{1}', resourceId('Microsoft.Network/virtualNetworks', parameters('name')), variables('appSubnetName'))]", outputs.GetProperty("appSubnetId").GetProperty("value").GetString());
        Assert.Equal("[format('{0}/subnets/{1}', resourceId('Microsoft.Network/virtualNetworks', parameters('name')), variables('privateEndpointSubnetName'))]", outputs.GetProperty("privateEndpointSubnetId").GetProperty("value").GetString());

        // The app: in that subnet, all outbound traffic through it (Key Vault references of a Linux app reach a private
        // endpoint only so), scaled by the runtime, which can see the Durable Task queues behind their endpoint.
        Assert.Equal("[if(variables('vnetIntegration'), parameters('appSubnetId'), null())]", site.GetProperty("virtualNetworkSubnetId").GetString());
        Assert.Equal("[variables('vnetIntegration')]", site.GetProperty("siteConfig").GetProperty("vnetRouteAllEnabled").GetString());
        Assert.Equal("[variables('vnetIntegration')]", site.GetProperty("siteConfig").GetProperty("functionsRuntimeScaleMonitoringEnabled").GetString());
    }

    [Theory]
    [InlineData("storage", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b")] // Storage Blob Data Owner
    [InlineData("storage", "974c5e8b-45b9-4653-ba55-5f855dd0fb88")] // Storage Queue Data Contributor
    [InlineData("storage", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3")] // Storage Table Data Contributor
    [InlineData("keyvault", "4633458b-17de-408a-b874-0445c86b69e6")] // Key Vault Secrets User
    [InlineData("registry", "7f951dda-4ed3-4680-a7ca-43fe172d538d")] // AcrPull
    [InlineData("cosmos", "00000000-0000-0000-0000-000000000002")] // Cosmos DB Built-in Data Contributor
    [InlineData("openai-access", "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd")] // Cognitive Services OpenAI User
    public void The_app_identity_gets_its_data_plane_roles(string module, string roleDefinitionId)
    {
        var template = InfraTemplate.Module(module);

        Assert.Contains(roleDefinitionId, template.GetProperty("variables").ToString(), StringComparison.Ordinal);
        Assert.Contains(template.GetProperty("resources").EnumerateArray(), r =>
            r.GetProperty("type").GetString() is "Microsoft.Authorization/roleAssignments" or "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments"
            && r.GetProperty("properties").GetProperty("principalId").GetString()!.Contains("appIdentityName", StringComparison.Ordinal));
    }

    [Fact]
    public void With_an_Azure_OpenAI_resource_name_the_identity_gets_Cognitive_Services_OpenAI_User_on_that_account()
    {
        var deployment = InfraTemplate.Deployment("openai-access");
        var parameters = deployment.GetProperty("properties").GetProperty("parameters");
        var assignment = InfraTemplate.Resources("openai-access", "Microsoft.Authorization/roleAssignments").Single();
        var role = assignment.GetProperty("properties");
        var account = "resourceId('Microsoft.CognitiveServices/accounts', parameters('openAIResourceName'))";

        Assert.Equal("[not(empty(parameters('openAIResourceName')))]", InfraTemplate.Root.GetProperty("variables").GetProperty("useOpenAIIdentity").GetString());
        Assert.Equal("[variables('useOpenAIIdentity')]", deployment.GetProperty("condition").GetString());
        Assert.StartsWith("[if(empty(parameters('openAIResourceGroupName')), ", deployment.GetProperty("resourceGroup").GetString(), StringComparison.Ordinal);
        Assert.Equal("[parameters('openAIResourceName')]", parameters.GetProperty("openAIResourceName").GetProperty("value").GetString());
        Assert.Equal("[variables('identityName')]", parameters.GetProperty("appIdentityName").GetProperty("value").GetString());
        Assert.Equal("5e0bd9bd-7b93-4f28-af87-19fc36ad61bd", InfraTemplate.Module("openai-access").GetProperty("variables").GetProperty("openAIUser").GetString());
        Assert.Equal($"[{account}]", assignment.GetProperty("scope").GetString());
        Assert.StartsWith($"[guid({account}, ", assignment.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('openAIUser'))]", role.GetProperty("roleDefinitionId").GetString());
        Assert.Contains("parameters('appIdentityName')", role.GetProperty("principalId").GetString(), StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", role.GetProperty("principalType").GetString());
    }

    [Fact]
    public void With_an_Azure_OpenAI_resource_name_the_app_uses_Entra_ID_and_no_key_is_stored_or_referenced()
    {
        var variables = InfraTemplate.Root.GetProperty("variables");
        var passed = InfraTemplate.Deployment("functionapp").GetProperty("properties").GetProperty("parameters");
        var settings = InfraTemplate.AppSettings();
        var storedKey = InfraTemplate.Deployment("keyvault").GetProperty("properties").GetProperty("parameters").GetProperty("openAIApiKey").GetString();

        Assert.Equal("[not(empty(parameters('openAIResourceName')))]", variables.GetProperty("useOpenAIIdentity").GetString());
        Assert.Equal("[variables('useOpenAIIdentity')]", passed.GetProperty("settings").GetProperty("value").GetProperty("useOpenAIIdentity").GetString());
        Assert.StartsWith(IdentityOrKeyVault, passed.GetProperty("openAIApiKeyReference").GetString(), StringComparison.Ordinal);
        Assert.Equal("[parameters('openAIApiKeyReference')]", settings["OPENAI_API_KEY"]);
        Assert.Equal("[if(parameters('input').useOpenAIIdentity, 'entra', 'auto')]", settings["Vision__Authentication"]);
        Assert.Equal("[parameters('input').openAIBaseUrl]", settings["OPENAI_BASE_URL"]);
        Assert.Equal(
            "[if(and(variables('useOpenAIIdentity'), empty(parameters('openAIEndpoint'))), format('https://{0}.openai.azure.com/openai/v1/', parameters('openAIResourceName')), parameters('openAIEndpoint'))]",
            passed.GetProperty("settings").GetProperty("value").GetProperty("openAIBaseUrl").GetString());
        Assert.Equal("https://cognitiveservices.azure.com/.default", settings["Vision__TokenScope"]);
        Assert.Equal(SampleSettings.Values().Single(s => s.Key == "Vision__TokenScope").Value, settings["Vision__TokenScope"]);
        Assert.StartsWith("[if(variables('useOpenAIIdentity'), createObject('value', ''), ", storedKey, StringComparison.Ordinal);
        Assert.StartsWith(
            IdentityOrKeyVault,
            InfraTemplate.Deployment("containerapp").GetProperty("properties").GetProperty("parameters").GetProperty("openAIApiKeySecretUri").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Cosmos_containers_and_blob_containers_are_the_ones_the_code_uses()
    {
        var cosmos = InfraTemplate.Module("cosmos").GetProperty("variables");
        var containers = cosmos.GetProperty("containers").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("partitionKey").GetString());
        var blobContainers = InfraTemplate.Resources("storage", "Microsoft.Storage/storageAccounts/blobServices/containers")
            .Select(c => c.GetProperty("name").GetString()!.Split('\'')[^2]).Order();
        var defaults = new StorageOptions();

        Assert.Equal(defaults.CosmosDatabase, cosmos.GetProperty("databaseName").GetString());
        Assert.Equal(CosmosEstimateStore.PartitionKeyPath, containers[defaults.CosmosContainer]);
        Assert.Equal(CosmosModelRegistry.PartitionKeyPath, containers[defaults.CosmosModelsContainer]);
        Assert.Equal(
            new[] { BlobReference.DrawingsContainer, BlobReference.PagesContainer, new HistoryOptions().Container, HistoryImports.Container, "drawing-events-deadletter" }.Order(),
            blobContainers);
    }

    [Theory]
    [InlineData("functionapp", "auto", "resolved-from-key-vault", "")] // no Azure OpenAI resource name: the key from Key Vault
    [InlineData("functionapp", "auto", "", "")] // no key given either: no secret, an empty setting
    [InlineData("functionapp", "entra", "", "https://oai-example.openai.azure.com/openai/v1/")] // with one: no key
    [InlineData("containerapp", "auto", "resolved-from-key-vault", "")]
    [InlineData("containerapp", "entra", "", "https://oai-example.openai.azure.com/openai/v1/")]
    public void The_worker_host_builds_from_the_template_settings_and_uses_identity_for_its_stores(string hosting, string authentication, string apiKey, string baseUrl)
    {
        var placeholders = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage__accountName"] = "stexample",
            ["AzureWebJobsStorage__clientId"] = "00000000-0000-0000-0000-000000000001",
            ["AZURE_CLIENT_ID"] = "00000000-0000-0000-0000-000000000001",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000",
            ["OPENAI_API_KEY"] = apiKey,
            ["OPENAI_BASE_URL"] = baseUrl,
            ["Vision__Authentication"] = authentication,
            ["Vision__Model"] = string.Empty,
            ["Storage__BlobServiceUri"] = "https://stexample.blob.core.windows.net/",
            ["Storage__CosmosEndpoint"] = "https://cosmos-example.documents.azure.com:443/",
            ["Storage__CosmosDatabase"] = "timevision",
            ["Shadow__Model"] = "gpt-4.1",
            ["Shadow__Percent"] = "10",
            ["AzureWebJobsSecretStorageKeyVaultUri"] = "https://kv-fk-example.vault.azure.net/",
            ["AzureWebJobsSecretStorageKeyVaultClientId"] = "00000000-0000-0000-0000-000000000001",
            ["Pipeline__MaxPagesInFlight"] = "8",
            ["Vision__DailyBudgetUsd"] = "5",
            ["Access__Mode"] = "closed", // no app registration given
            ["Access__ContainerAppsSignIn"] = "false",
        };
        var settings = InfraTemplate.AppSettings(hosting).Select(s =>
        {
            var value = s.Value.StartsWith('[') ? placeholders.GetValueOrDefault(s.Key) : s.Value;
            Assert.True(value is not null, $"the test has no stand-in for the deploy-time value of {s.Key}");
            return new KeyValuePair<string, string?>(s.Key.Replace("__", ":", StringComparison.Ordinal), value);
        });
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTimeVision();

        using var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<AzureBlobStore>(host.Services.GetRequiredService<IBlobStore>());
        Assert.IsType<CosmosEstimateStore>(host.Services.GetRequiredService<IEstimateStore>());
        Assert.IsType<CosmosModelRegistry>(host.Services.GetRequiredService<IModelRegistry>());
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Assert.Null(storage.CosmosKey);
        Assert.False(storage.CreateCosmosResources);
        var vision = host.Services.GetRequiredService<IOptions<VisionOptions>>().Value;
        Assert.Equal(apiKey, vision.ApiKey ?? string.Empty);
        Assert.Equal(baseUrl, vision.Endpoint?.ToString() ?? string.Empty);
    }

    [Fact]
    public void The_image_is_the_functions_dotnet_isolated_base_with_poppler_and_the_timer_schedule()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "Dockerfile"));
        var schedule = SampleSettings.Values().Single(s => s.Key == "FineTuneCheckSchedule").Value;

        Assert.Contains("mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0", dockerfile, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y --no-install-recommends poppler-utils", dockerfile, StringComparison.Ordinal);
        Assert.Contains("dotnet publish src/TimeVision.Functions/TimeVision.Functions.csproj", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"FineTuneCheckSchedule=\"{schedule}\"", dockerfile, StringComparison.Ordinal);
        Assert.Equal(schedule, InfraTemplate.AppSettings()["FineTuneCheckSchedule"]);
    }

    [Fact]
    public void The_retry_timers_schedule_is_set_in_the_template_as_in_the_sample_settings()
    {
        var schedule = SampleSettings.Values().Single(s => s.Key == "RetrySchedule").Value;

        Assert.Equal("0 */15 * * * *", schedule);
        Assert.Equal(schedule, InfraTemplate.AppSettings()["RetrySchedule"]);
        Assert.Equal(schedule, InfraTemplate.AppSettings("containerapp")["RetrySchedule"]);
    }

    [Fact]
    public void The_container_runs_poppler_as_the_unprivileged_user_it_creates_under_a_memory_limit()
    {
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "Dockerfile"));
        var user = System.Text.RegularExpressions.Regex.Match(dockerfile, @"useradd [^\n]*--uid (\d+) [^\n]*--user-group");
        var childUser = System.Text.RegularExpressions.Regex.Match(dockerfile, @"Rendering__ChildUser=(\d+):(\d+)");
        var memory = System.Text.RegularExpressions.Regex.Match(dockerfile, @"Rendering__ChildMemoryLimitMb=(\d+)");

        Assert.True(user.Success, "the Dockerfile creates no user for Poppler");
        Assert.True(childUser.Success, "the Dockerfile does not set Rendering__ChildUser");
        Assert.Equal(user.Groups[1].Value, childUser.Groups[1].Value);
        Assert.NotEqual("0", childUser.Groups[1].Value);
        Assert.InRange(int.Parse(memory.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 256, 4096);
        Assert.Contains("command -v setpriv prlimit", dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Azd_provisions_infra_main_and_its_hook_deploys_the_image()
    {
        var azureYaml = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "azure.yaml"));
        var outputs = InfraTemplate.Root.GetProperty("outputs");
        var hook = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "scripts", "deploy-image.sh"));

        Assert.Contains("path: infra", azureYaml, StringComparison.Ordinal);
        Assert.Contains("run: bash infra/scripts/deploy-image.sh", azureYaml, StringComparison.Ordinal);
        foreach (var name in new[] { "AZURE_RESOURCE_GROUP", "AZURE_CONTAINER_REGISTRY_NAME", "AZURE_CONTAINER_REGISTRY_ENDPOINT", "FUNCTION_APP_NAME" })
        {
            Assert.True(outputs.TryGetProperty(name, out _), $"the hook needs the output {name}");
            Assert.Contains($"${{{name}", hook, StringComparison.Ordinal);
        }

        Assert.True(outputs.TryGetProperty("FUNCTION_APP_URL", out _));
    }

    [Fact]
    public void Azd_passes_the_Azure_OpenAI_resource_from_its_environment_and_shows_it()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "main.parameters.json")));
        var parameters = file.RootElement.GetProperty("parameters");
        var declared = InfraTemplate.Root.GetProperty("parameters");

        Assert.Equal("${AZURE_OPENAI_RESOURCE_NAME=}", parameters.GetProperty("openAIResourceName").GetProperty("value").GetString());
        Assert.Equal("${AZURE_OPENAI_RESOURCE_GROUP=}", parameters.GetProperty("openAIResourceGroupName").GetProperty("value").GetString());
        Assert.All(parameters.EnumerateObject(), p => Assert.True(declared.TryGetProperty(p.Name, out _), $"main.bicep has no parameter {p.Name}"));
        Assert.Equal(string.Empty, declared.GetProperty("openAIResourceName").GetProperty("defaultValue").GetString());
        Assert.Equal(string.Empty, declared.GetProperty("openAIResourceGroupName").GetProperty("defaultValue").GetString());
        Assert.Equal("[parameters('openAIResourceName')]", InfraTemplate.Root.GetProperty("outputs").GetProperty("AZURE_OPENAI_RESOURCE_NAME").GetProperty("value").GetString());
    }

    private const string PrivateNetworkingOn = "[variables('privateNetworking')]";

    /// <summary>How main.bicep passes the OpenAI key's reference to a hosting module: nothing with identity, else Key Vault's.</summary>
    private const string IdentityOrKeyVault = "[if(variables('useOpenAIIdentity'), createObject('value', ''), createObject('value', reference(";

    /// <summary>The private endpoint deployments a module makes: each deployment and its template (private-endpoint.bicep).</summary>
    private static IEnumerable<(JsonElement Deployment, JsonElement Template)> PrivateEndpoints(string module) =>
        ResourcesOf(InfraTemplate.Module(module), "Microsoft.Resources/deployments")
            .Select(d => (d, d.GetProperty("properties").GetProperty("template")))
            .Where(d => d.Item2.GetProperty("resources").EnumerateArray().Any(r => r.GetProperty("type").GetString() == "Microsoft.Network/privateEndpoints"));

    private static string? EndpointParameter(JsonElement deployment, string name) =>
        deployment.GetProperty("properties").GetProperty("parameters").GetProperty(name).GetProperty("value").GetString();

    private static IEnumerable<JsonElement> ResourcesOf(JsonElement template, string type) =>
        InfraTemplate.ResourcesOf(template).Where(r => r.GetProperty("type").GetString() == type);

    private static IEnumerable<int> Occurrences(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }
}
