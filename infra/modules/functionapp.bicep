@description('Name of the Function App.')
param name string

@description('Name of its Elastic Premium plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Elastic Premium size: EP1 (1 core, 3.5 GB) renders a 50-page drawing comfortably; EP2 and EP3 double it.')
@allowed(['EP1', 'EP2', 'EP3'])
param planSku string = 'EP1'

@description('Most instances the plan scales out to.')
@minValue(1)
@maxValue(100)
param maximumInstances int = 10

@description('The image to run, e.g. crxyz.azurecr.io/timevision-functions:abc123. Empty: the Functions base image until the first deploy pushes the app\'s own.')
param containerImage string = ''

@description('The user-assigned identity the app runs as.')
param identityId string

@description('That identity\'s client id.')
param identityClientId string

@description('The storage account for the host, the Durable Task hub, the blob trigger and the app\'s blobs.')
param storageAccountName string

@description('Its blob endpoint.')
param blobEndpoint string

@description('The Cosmos DB endpoint.')
param cosmosEndpoint string

@description('The Cosmos DB database.')
param cosmosDatabase string

@description('Application Insights connection string.')
param appInsightsConnectionString string

@description('The Key Vault reference that resolves to the OpenAI key, empty when no key is stored; not used when openAIResourceName is set.')
param openAIApiKeyReference string

@description('An Azure OpenAI resource the app\'s identity may call (Cognitive Services OpenAI User): set, the app uses Microsoft Entra ID and no key; empty, the key.')
param openAIResourceName string = ''

@description('OpenAI-compatible base URL; empty means OpenAI, or with openAIResourceName that resource\'s v1 endpoint. Azure OpenAI: https://RESOURCE.openai.azure.com/openai/v1/.')
param openAIEndpoint string = ''

@description('The model (or Azure OpenAI deployment) to use; empty follows the model registry (model activate).')
param openAIModel string = ''

@description('Shadow mode: the challenger model; empty turns it off.')
param shadowModel string = ''

@description('Shadow mode: the share of documents (0-100 %) the challenger also estimates.')
@minValue(0)
@maxValue(100)
param shadowPercent int = 0

@description('Optional: the subnet the app integrates with (VNet integration); set, all its outbound traffic goes through the network, where the private endpoints are.')
param appSubnetId string = ''

var image = empty(containerImage) ? 'mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0' : containerImage

@description('The Microsoft Entra ID app registration (client id) that signs users and machine clients in (App Service authentication); empty: no sign-in is set up and the API answers 401 to every call.')
param authClientId string = ''

@description('The Microsoft Entra ID tenant of that app registration.')
param authTenantId string = tenant().tenantId

// With an Azure OpenAI resource the app authenticates as its identity (DefaultAzureCredential, AZURE_CLIENT_ID):
// no key is referenced, and the endpoint defaults to the resource's v1 API.
var useOpenAIIdentity = !empty(openAIResourceName)
var openAIBaseUrl = useOpenAIIdentity && empty(openAIEndpoint) ? 'https://${openAIResourceName}.openai.azure.com/openai/v1/' : openAIEndpoint

// With VNet integration every outbound call goes through the network (vnetRouteAllEnabled; Key Vault references of a
// Linux app reach a private endpoint only so), and the platform's scale controller, which cannot see the Durable Task
// queues behind their private endpoint, leaves scaling to the runtime (functionsRuntimeScaleMonitoringEnabled).
var vnetIntegration = !empty(appSubnetId)

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'elastic'
  sku: {
    name: planSku
    tier: 'ElasticPremium'
  }
  properties: {
    reserved: true // Linux
    maximumElasticWorkerCount: maximumInstances
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux,container'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: vnetIntegration ? appSubnetId : null
    siteConfig: {
      linuxFxVersion: 'DOCKER|${image}'
      acrUseManagedIdentityCreds: true
      acrUserManagedIdentityID: identityClientId
      minimumElasticInstanceCount: 1
      functionAppScaleLimit: maximumInstances
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      http20Enabled: true
      vnetRouteAllEnabled: vnetIntegration
      functionsRuntimeScaleMonitoringEnabled: vnetIntegration
      appSettings: [
        // The Functions host.
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'dotnet-isolated' }
        { name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE', value: 'false' }
        { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsightsConnectionString }
        { name: 'FineTuneCheckSchedule', value: '0 */15 * * * *' }
        { name: 'RetrySchedule', value: '0 */15 * * * *' }
        // DefaultAzureCredential in the app (Blob Storage, Cosmos DB) uses this identity.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        // Rendering.
        { name: 'Rendering__Dpi', value: '300' }
        { name: 'Rendering__MaxLongSidePx', value: '4096' }
        { name: 'Rendering__MaxPixels', value: '16777216' }
        { name: 'Rendering__MinDpi', value: '72' }
        { name: 'Rendering__Grayscale', value: 'true' }
        { name: 'Rendering__MaxPages', value: '50' }
        { name: 'Rendering__PageTimeout', value: '00:01:00' }
        { name: 'Rendering__InspectTimeout', value: '00:00:30' }
        { name: 'Rendering__PopplerDirectory', value: '' } // poppler-utils is on the image's PATH
        // The vision model.
        { name: 'OPENAI_API_KEY', value: useOpenAIIdentity ? '' : openAIApiKeyReference }
        { name: 'OPENAI_BASE_URL', value: openAIBaseUrl }
        { name: 'Vision__Authentication', value: useOpenAIIdentity ? 'entra' : 'auto' } // entra: a token, never a key
        { name: 'Vision__TokenScope', value: 'https://cognitiveservices.azure.com/.default' }
        { name: 'Vision__Model', value: openAIModel }
        { name: 'Vision__MaxImageLongSidePx', value: '2048' }
        { name: 'Vision__Detail', value: 'high' }
        { name: 'Vision__StructuredOutputs', value: 'true' }
        { name: 'Vision__MaxOutputTokens', value: '2000' }
        { name: 'Vision__RequestTimeout', value: '00:02:00' }
        { name: 'Vision__MaxRetries', value: '4' }
        { name: 'Vision__Grounding', value: 'base' }
        { name: 'Pipeline__MaxPagesInFlight', value: '8' }
        { name: 'Pipeline__ActivityAttempts', value: '3' }
        // Shadow mode: a challenger model also estimates this share of documents (0 = off).
        { name: 'Shadow__Model', value: shadowModel }
        { name: 'Shadow__Percent', value: string(shadowPercent) }
        // Stores, by identity: no account keys.
        { name: 'Storage__BlobServiceUri', value: blobEndpoint }
        { name: 'Storage__CosmosEndpoint', value: cosmosEndpoint }
        { name: 'Storage__CosmosDatabase', value: cosmosDatabase }
        { name: 'Storage__CosmosContainer', value: 'estimates' }
        { name: 'Storage__CosmosModelsContainer', value: 'models' }
        { name: 'Storage__CreateCosmosResources', value: 'false' } // created here; the data-plane role cannot create them
        { name: 'Pipeline__MaxPdfBytes', value: '52428800' }
        // The estimator's page is GET /: the host's own home page steps aside.
        { name: 'AzureWebJobsDisableHomepage', value: 'true' }
        // Who may call the API: the principal App Service authentication passes on (Middleware/CallerAccess.cs).
        { name: 'Access__Mode', value: 'platform' }
        { name: 'Access__AdminRole', value: 'TimeVision.Admin' }
      ]
    }
  }
}

// App Service authentication with Microsoft Entra ID in front of the page and the API: a person in a browser is sent to
// sign in; a script or an ERP sends a client-credentials token for api://<authClientId> (allowed audiences below). The
// app reads the signed-in principal and its app roles (TimeVision.Admin for admin actions) from what this passes on.
resource auth 'Microsoft.Web/sites/config@2025-03-01' = if (!empty(authClientId)) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${authTenantId}/v2.0'
          clientId: authClientId
        }
        validation: {
          allowedAudiences: [
            authClientId
            'api://${authClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: true
      }
    }
  }
}

// No basic (user name and password) publishing credentials: deployments go through Azure Resource Manager
// (az functionapp config container set) with Microsoft Entra ID, and SCM and FTP accept no passwords.
resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

@description('The app\'s name.')
output name string = app.name

@description('The app\'s base URL.')
output url string = 'https://${app.properties.defaultHostName}'
