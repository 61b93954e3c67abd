// TimeVision on Azure: the Functions app (a Linux container on Azure Container Apps by default, or on Elastic
// Premium), Storage with an Event Grid system topic for the blob trigger, Cosmos DB, Key Vault (the OpenAI key; the
// Functions host keys in a second one), Application Insights, a container registry and a monthly cost budget, with one user-assigned identity holding data-plane roles; optionally
// that identity's access to an existing Azure OpenAI resource, so the app calls it with Microsoft Entra ID and no key;
// optionally private networking (VNet integration, private endpoints for Storage, Cosmos DB and Key Vault).
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('Environment name (azd: AZURE_ENV_NAME); names the resource group and seeds resource names.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
param location string

@description('Optional: the deploying person\'s principal id (azd: AZURE_PRINCIPAL_ID), to set the OpenAI key and read estimates.')
param principalId string = ''

@description('OpenAI-compatible base URL; empty means OpenAI, or with openAIResourceName that resource\'s v1 endpoint (https://RESOURCE.openai.azure.com/openai/v1/).')
param openAIEndpoint string = ''

@description('The model (or Azure OpenAI deployment) to use; empty follows the model registry.')
param openAIModel string = ''

@secure()
@description('The OpenAI API key, stored in Key Vault and referenced by the app; empty: no secret and an empty OPENAI_API_KEY (Entra ID for an Azure endpoint, else the offline estimate). Ignored when openAIResourceName is set: identity wins, no key is stored or used.')
param openAIApiKey string = ''

@description('Optional: an existing Azure OpenAI (or Azure AI services) resource. Set, the app\'s identity gets Cognitive Services OpenAI User on it and the app authenticates with Microsoft Entra ID, no key; empty, the key in Key Vault.')
param openAIResourceName string = ''

@description('The resource group of openAIResourceName, in this subscription; empty means the app\'s resource group.')
param openAIResourceGroupName string = ''

@description('The app image; azd\'s deploy step sets it after pushing.')
param containerImage string = ''

@description('Where the Functions app runs: containerapps (Azure Functions on Azure Container Apps, one small replica always on, about $20-80 a month) or elasticpremium (an Elastic Premium plan, at least one EP1 instance, about $150 a month). infra/README.md compares them.')
@allowed(['containerapps', 'elasticpremium'])
param hosting string = 'containerapps'

@description('With hosting = elasticpremium: the plan size.')
@allowed(['EP1', 'EP2', 'EP3'])
param planSku string = 'EP1'

@description('With hosting = containerapps: most replicas the app scales out to.')
@minValue(1)
@maxValue(30)
param containerAppsMaxReplicas int = 3

@secure()
@description('The Functions host\'s master key, seeded into the host-keys vault. azd generates it once per environment and keeps it.')
@metadata({ azd: { type: 'generate', config: { length: 48, noSpecial: true } } })
param hostMasterKey string

@secure()
@description('The blobs_extension system key the Event Grid subscription calls the blob trigger\'s webhook with, seeded into the host-keys vault. azd generates it once per environment and keeps it.')
@metadata({ azd: { type: 'generate', config: { length: 48, noSpecial: true } } })
param blobsExtensionKey string

@description('Who gets the monthly budget\'s alerts (80 % and 100 % of monthlyBudget); empty: no budget is created.')
param budgetAlertEmail string = ''

@description('The monthly budget for the resource group, in the billing currency.')
@minValue(1)
param monthlyBudget int = 100

@description('The first month of the budget; default: this month.')
param budgetStartDate string = utcNow('yyyy-MM-01')

@description('The most the app spends on model calls in a UTC day, in USD (Vision:DailyBudgetUsd): once spent, uploads get 429 and pages wait for the next day. The default, 5, is about three times the busiest day infra/README.md plans for (50 two-page drawings on the fine-tuned gpt-4o, $1.61), so at most $150 a month. Empty: no cap.')
param dailyBudgetUsd string = '5'

@description('Cosmos DB serverless (default) or provisioned throughput.')
param cosmosServerless bool = true

@description('Shadow mode: a challenger model that also estimates a share of documents; empty turns it off.')
param shadowModel string = ''

@description('Shadow mode: the share of documents (0-100 %) the challenger also estimates.')
@minValue(0)
@maxValue(100)
param shadowPercent int = 0

@description('Resource group name; default rg-<environmentName>.')
param resourceGroupName string = ''

@description('Private networking (hosting = elasticpremium only; ignored with containerapps): a virtual network with the Function App\'s VNet integration (outbound through a NAT gateway with one static IP), private endpoints and private DNS zones for Storage (blob, queue, table), Cosmos DB and Key Vault, and public network access off on those three. Off by default.')
param enablePrivateNetworking bool = false

@description('With enablePrivateNetworking: the virtual network\'s address space; the app subnet is its first /24, the private endpoints\' its second.')
param vnetAddressPrefix string = '10.0.0.0/16'

@description('Sign-in to the page and the API: the client id of the Microsoft Entra ID app registration with the app role TimeVision.Admin (src/docs/deploy.md, Sign-in). Empty: no sign-in, and the app runs closed: every API call answers 401 sign_in_not_configured.')
param authClientId string = ''

@description('The tenant of that app registration; empty: this deployment\'s tenant.')
param authTenantId string = ''

var token = toLower(uniqueString(subscription().id, environmentName, location))
var identityName = 'id-timevision-${token}'
var tags = { 'azd-env-name': environmentName, application: 'timevision' }
var useOpenAIIdentity = !empty(openAIResourceName)
// Private networking is built for the Elastic Premium plan's VNet integration; with Container Apps it is not applied
// (the stores keep public network access, reached by identity only): infra/README.md says so.
var privateNetworking = enablePrivateNetworking && hosting == 'elasticpremium'

resource group 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: group
  name: 'identity'
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: group
  name: 'monitoring'
  params: {
    workspaceName: 'log-timevision-${token}'
    appInsightsName: 'appi-timevision-${token}'
    location: location
    tags: tags
  }
}

module network 'modules/network.bicep' = if (privateNetworking) {
  scope: group
  name: 'network'
  params: {
    name: 'vnet-timevision-${token}'
    natGatewayName: 'ng-timevision-${token}'
    publicIpName: 'pip-timevision-${token}'
    location: location
    tags: tags
    addressPrefix: vnetAddressPrefix
  }
}

// Empty without private networking: the modules then keep public network access and add no endpoints.
var privateEndpointSubnetId = network.?outputs.privateEndpointSubnetId ?? ''
var privateDnsZoneIds = network.?outputs.dnsZoneIds ?? {}

module storage 'modules/storage.bicep' = {
  scope: group
  name: 'storage'
  dependsOn: [identity]
  params: {
    name: 'st${token}'
    location: location
    tags: tags
    appIdentityName: identityName
    privateNetworking: privateNetworking
    privateEndpointSubnetId: privateEndpointSubnetId
    privateDnsZoneIds: privateDnsZoneIds
  }
}

module cosmos 'modules/cosmos.bicep' = {
  scope: group
  name: 'cosmos'
  dependsOn: [identity]
  params: {
    name: 'cosmos-timevision-${token}'
    location: location
    tags: tags
    serverless: cosmosServerless
    appIdentityName: identityName
    userPrincipalId: principalId
    privateNetworking: privateNetworking
    privateEndpointSubnetId: privateEndpointSubnetId
    privateDnsZoneIds: privateDnsZoneIds
  }
}

module keyVault 'modules/keyvault.bicep' = {
  scope: group
  name: 'keyvault'
  dependsOn: [identity]
  params: {
    name: 'kv-tv-${take(token, 13)}'
    location: location
    tags: tags
    appIdentityName: identityName
    userPrincipalId: principalId
    openAIApiKey: useOpenAIIdentity ? '' : openAIApiKey
    privateNetworking: privateNetworking
    privateEndpointSubnetId: privateEndpointSubnetId
    privateDnsZoneIds: privateDnsZoneIds
  }
}

module registry 'modules/registry.bicep' = {
  scope: group
  name: 'registry'
  dependsOn: [identity]
  params: {
    name: 'cr${token}'
    location: location
    tags: tags
    appIdentityName: identityName
  }
}

// On the account, hence in its resource group (see the module for why it is not with the other role assignments).
// Named with the token: that group may be shared by several environments deploying at once.
module openAIAccess 'modules/openai-access.bicep' = if (useOpenAIIdentity) {
  scope: resourceGroup(empty(openAIResourceGroupName) ? group.name : openAIResourceGroupName)
  name: 'openai-access-${token}'
  dependsOn: [identity]
  params: {
    openAIResourceName: openAIResourceName
    appIdentityName: identityName
    appIdentityResourceGroupName: group.name
  }
}

module hostKeys 'modules/host-keys.bicep' = {
  scope: group
  name: 'host-keys'
  dependsOn: [identity]
  params: {
    name: 'kv-fk-${take(token, 13)}'
    location: location
    tags: tags
    appIdentityName: identityName
    userPrincipalId: principalId
    masterKey: hostMasterKey
    blobsExtensionKey: blobsExtensionKey
  }
}

module blobEvents 'modules/blob-events.bicep' = {
  scope: group
  name: 'blob-events'
  params: {
    name: 'evgt-timevision-${token}'
    location: location
    tags: tags
    storageAccountName: 'st${token}'
    deadLetterContainerName: storage.outputs.deadLetterContainerName
  }
}

// With an Azure OpenAI resource the app authenticates as its identity (DefaultAzureCredential, AZURE_CLIENT_ID):
// no key is referenced, and the endpoint defaults to the resource's v1 API.
var settings = {
  storageAccountName: storage.outputs.name
  blobEndpoint: storage.outputs.blobEndpoint
  identityClientId: identity.outputs.clientId
  appInsightsConnectionString: monitoring.outputs.connectionString
  hostKeysVaultUri: hostKeys.outputs.uri
  openAIBaseUrl: useOpenAIIdentity && empty(openAIEndpoint) ? 'https://${openAIResourceName}.openai.azure.com/openai/v1/' : openAIEndpoint
  useOpenAIIdentity: useOpenAIIdentity
  openAIModel: openAIModel
  shadowModel: shadowModel
  shadowPercent: shadowPercent
  cosmosEndpoint: cosmos.outputs.endpoint
  cosmosDatabase: cosmos.outputs.databaseName
  maxPagesInFlight: 8
  dailyBudgetUsd: dailyBudgetUsd
}

module containerApp 'modules/containerapp.bicep' = if (hosting == 'containerapps') {
  scope: group
  name: 'containerapp'
  params: {
    name: 'func-timevision-${token}'
    environmentName: 'cae-timevision-${token}'
    location: location
    tags: tags
    containerImage: containerImage
    registryServer: registry.outputs.loginServer
    identityId: identity.outputs.id
    settings: settings
    openAIApiKeySecretUri: useOpenAIIdentity ? '' : keyVault.outputs.openAIApiKeySecretUri
    maximumReplicas: containerAppsMaxReplicas
    authClientId: authClientId
    authTenantId: empty(authTenantId) ? tenant().tenantId : authTenantId
  }
}

module functionApp 'modules/functionapp.bicep' = if (hosting == 'elasticpremium') {
  scope: group
  name: 'functionapp'
  params: {
    name: 'func-timevision-${token}'
    planName: 'plan-timevision-${token}'
    location: location
    tags: tags
    planSku: planSku
    containerImage: containerImage
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    settings: settings
    openAIApiKeyReference: useOpenAIIdentity ? '' : keyVault.outputs.openAIApiKeyReference
    appSubnetId: network.?outputs.appSubnetId ?? ''
    authClientId: authClientId
    authTenantId: empty(authTenantId) ? tenant().tenantId : authTenantId
  }
}

module budget 'modules/budget.bicep' = if (!empty(budgetAlertEmail)) {
  scope: group
  name: 'budget'
  params: {
    name: 'budget-timevision-${token}'
    amount: monthlyBudget
    contactEmails: [budgetAlertEmail]
    startDate: budgetStartDate
  }
}

var appHostName = hosting == 'containerapps' ? containerApp.?outputs.hostName ?? '' : functionApp.?outputs.hostName ?? ''

@description('The Function App\'s URL: the estimator\'s page at /, the API under /api.')
output FUNCTION_APP_URL string = 'https://${appHostName}'

@description('The Function App\'s name.')
output FUNCTION_APP_NAME string = 'func-timevision-${token}'

@description('Where it runs: containerapps or elasticpremium (the deploy hook updates the image accordingly).')
output HOSTING string = hosting

@description('The Function App\'s host name, for the Event Grid subscription\'s webhook.')
output FUNCTION_APP_HOST string = appHostName

@description('The storage account whose drawings container the blob trigger watches.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('The storage account\'s Event Grid system topic.')
output BLOB_EVENTS_TOPIC_NAME string = blobEvents.outputs.name

@description('The container undeliverable blob events go to.')
output BLOB_EVENTS_DEAD_LETTER_CONTAINER string = blobEvents.outputs.deadLetterContainerName

@description('The vault holding the Functions host keys.')
output HOST_KEYS_VAULT_NAME string = hostKeys.outputs.name

@description('The secret holding the blobs_extension system key (not its value).')
output BLOBS_EXTENSION_KEY_SECRET_NAME string = hostKeys.outputs.blobsExtensionSecretName

@description('The resource group.')
output AZURE_RESOURCE_GROUP string = group.name

@description('The registry the app image is pushed to.')
output AZURE_CONTAINER_REGISTRY_NAME string = registry.outputs.name

@description('Its login server (azd pushes images here).')
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer

@description('The Key Vault holding the OpenAI key (secret openai-api-key).')
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name

@description('The Azure OpenAI resource the app reaches with its identity (no key); empty when it uses the key in Key Vault.')
output AZURE_OPENAI_RESOURCE_NAME string = openAIResourceName

@description('With private networking, the app\'s one outbound IP address (its NAT gateway\'s), for allow-lists; else empty.')
output APP_OUTBOUND_IP_ADDRESS string = network.?outputs.outboundIpAddress ?? ''
