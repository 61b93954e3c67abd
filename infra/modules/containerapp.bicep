// The Functions app on Azure Container Apps (hosting = 'containerapps'): a Container Apps environment with the
// Consumption workload profile, and the app as a container app of kind functionapp (Azure Functions on Azure Container
// Apps), running the same image, as the same identity, with the same settings as on Elastic Premium.
import { appSettings, appSettingsInput, signInExcludedPaths } from 'app-settings.bicep'

@description('Name of the container app (the Function App).')
param name string

@description('Name of its Container Apps environment.')
param environmentName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('The image to run. Empty: the Functions base image until the first deploy pushes the app\'s own.')
param containerImage string = ''

@description('The registry\'s login server, pulled from with the app\'s identity.')
param registryServer string

@description('The user-assigned identity the app runs as.')
param identityId string

@description('The app\'s settings (app-settings.bicep).')
param settings appSettingsInput

@description('The Key Vault secret URI of the OpenAI key; empty: no key (Entra ID, or the offline estimate).')
param openAIApiKeySecretUri string = ''

@description('The Microsoft Entra ID app registration (client id) that signs users and machine clients in (Container Apps authentication); empty: no sign-in is set up and the app runs closed: every API call answers 401 sign_in_not_configured.')
param authClientId string = ''

@description('The Microsoft Entra ID tenant of that app registration.')
param authTenantId string = tenant().tenantId

// Sized from a measurement (infra/README.md, "Sizing"): Poppler renders an A1 sheet at 300 DPI (9934 x 7017 px) in
// 282 MB and 6.8 s of one core; the app renders at most 4096 px on the long side (61 MB, 1.8 s), and the whole worker
// estimating that sheet peaked at 124 MB. Eight activities at once then need about 0.9 GB with the host; 2 GiB leaves
// room for one uncapped A1 render besides.
@description('vCPU per replica (Consumption profile: 0.25 to 4, memory twice the vCPU in GiB).')
param cpu string = '1.0'

@description('Memory per replica.')
param memory string = '2Gi'

@description('Most replicas the app scales out to. At least one always runs: the Durable Task hub on Azure Storage needs it.')
@minValue(1)
@maxValue(30)
param maximumReplicas int = 3

var image = empty(containerImage) ? 'mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0' : containerImage
var keySecretName = 'openai-api-key'
var storesKey = !empty(openAIApiKeySecretUri)

// Sign-in stands in front only with an app registration; without one the API is closed (every call 401), for nothing
// would strip a forged X-MS-CLIENT-PRINCIPAL header. Container Apps tells the container nothing of its authentication
// (App Service sets WEBSITE_AUTH_ENABLED; Container Apps has no such variable), so Access__ContainerAppsSignIn says it,
// under the same condition as the authConfigs resource below (src/docs/deploy.md, "What the app trusts").
var signIn = !empty(authClientId)

// The settings only this hosting has: the OpenAI key as a Container Apps secret that references Key Vault, and access.
var hostingSettings = [
  storesKey ? { name: 'OPENAI_API_KEY', secretRef: keySecretName } : { name: 'OPENAI_API_KEY', value: '' }
  { name: 'Access__Mode', value: signIn ? 'platform' : 'closed' }
  { name: 'Access__ContainerAppsSignIn', value: signIn ? 'true' : 'false' }
]

resource environment 'Microsoft.App/managedEnvironments@2025-07-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
  }
}

resource app 'Microsoft.App/containerApps@2025-07-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    managedEnvironmentId: environment.id
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 80
        transport: 'auto'
        allowInsecure: false
      }
      registries: [
        {
          server: registryServer
          identity: identityId
        }
      ]
      secrets: storesKey
        ? [
            {
              name: keySecretName
              keyVaultUrl: openAIApiKeySecretUri
              identity: identityId
            }
          ]
        : []
    }
    template: {
      containers: [
        {
          name: 'functions'
          image: image
          resources: {
            cpu: json(cpu)
            memory: memory
          }
          env: concat(appSettings(settings), hostingSettings)
        }
      ]
      scale: {
        minReplicas: 1
        maxReplicas: maximumReplicas
      }
    }
  }
}

// Container Apps authentication with Microsoft Entra ID in front of the page and the API, as on Elastic Premium: a
// person in a browser is sent to sign in; a script or an ERP sends a client-credentials token for api://<authClientId>.
// The app reads the signed-in principal and its app roles (TimeVision.Admin for admin actions) from what this passes on.
resource auth 'Microsoft.App/containerApps/authConfigs@2025-07-01' = if (signIn) {
  parent: app
  name: 'current'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: signInExcludedPaths
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${az.environment().authentication.loginEndpoint}${authTenantId}/v2.0'
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
  }
}

@description('The app\'s name.')
output name string = app.name

@description('The host name the API and the blobs extension\'s webhook answer on.')
output hostName string = app.properties.configuration.ingress.fqdn
