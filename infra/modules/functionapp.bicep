// The Functions app on an Elastic Premium plan (hosting = 'elasticpremium'): a Linux container, never below one instance.
import { appSettings, appSettingsInput, signInExcludedPaths } from 'app-settings.bicep'

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

@description('The app\'s settings (app-settings.bicep).')
param settings appSettingsInput

@description('The Key Vault reference that resolves to the OpenAI key; empty when no key is stored (Entra ID, or the offline estimate).')
param openAIApiKeyReference string

@description('Optional: the subnet the app integrates with (VNet integration); set, all its outbound traffic goes through the network, where the private endpoints are.')
param appSubnetId string = ''

// Sign-in stands in front only with an app registration; without one the API is closed (every call 401), for nothing
// would strip a forged X-MS-CLIENT-PRINCIPAL header. With it, App Service itself tells the app (WEBSITE_AUTH_ENABLED=True,
// src/docs/deploy.md, "What the app trusts"), so the Container Apps declaration stays false here.
var signIn = !empty(authClientId)

// The settings only this hosting has: the OpenAI key as a Key Vault reference resolved by the platform, and access.
var hostingSettings = [
  { name: 'WEBSITES_ENABLE_APP_SERVICE_STORAGE', value: 'false' }
  { name: 'OPENAI_API_KEY', value: openAIApiKeyReference }
  { name: 'Access__Mode', value: signIn ? 'platform' : 'closed' }
  { name: 'Access__ContainerAppsSignIn', value: 'false' }
]

var image = empty(containerImage) ? 'mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0' : containerImage

@description('The Microsoft Entra ID app registration (client id) that signs users and machine clients in (App Service authentication); empty: no sign-in is set up and the app runs closed: every API call answers 401 sign_in_not_configured.')
param authClientId string = ''

@description('The Microsoft Entra ID tenant of that app registration.')
param authTenantId string = tenant().tenantId

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
      appSettings: concat(appSettings(settings), hostingSettings)
    }
  }
}

// App Service authentication with Microsoft Entra ID in front of the page and the API: a person in a browser is sent to
// sign in; a script or an ERP sends a client-credentials token for api://<authClientId> (allowed audiences below). The
// app reads the signed-in principal and its app roles (TimeVision.Admin for admin actions) from what this passes on.
resource auth 'Microsoft.Web/sites/config@2025-03-01' = if (signIn) {
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
      // Event Grid calls the blob trigger's webhook with its own key (the blobs_extension system key), not a sign-in.
      excludedPaths: signInExcludedPaths
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

@description('The host name the API and the blobs extension\'s webhook answer on.')
output hostName string = app.properties.defaultHostName
