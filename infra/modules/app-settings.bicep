// The TimeVision settings both hostings give the app (Function App app settings, or Container Apps environment
// variables), in one place so the two cannot drift apart. The OpenAI key is not here: each hosting references its
// Key Vault secret in its own way.

@export()
@description('What the settings are made from.')
type appSettingsInput = {
  @description('The storage account for the host, the Durable Task hub, the blob trigger and the app\'s blobs.')
  storageAccountName: string
  @description('Its blob endpoint.')
  blobEndpoint: string
  @description('The app identity\'s client id.')
  identityClientId: string
  @description('Application Insights connection string.')
  appInsightsConnectionString: string
  @description('The vault holding the Functions host keys (master, blobs_extension system key).')
  hostKeysVaultUri: string
  @description('OpenAI-compatible base URL; empty means OpenAI.')
  openAIBaseUrl: string
  @description('Whether the app authenticates to Azure OpenAI with its identity instead of a key.')
  useOpenAIIdentity: bool
  @description('The model; empty follows the model registry.')
  openAIModel: string
  @description('Shadow mode challenger; empty turns it off.')
  shadowModel: string
  @description('Shadow mode share, 0-100.')
  shadowPercent: int
  @description('The Cosmos DB endpoint.')
  cosmosEndpoint: string
  @description('The Cosmos DB database.')
  cosmosDatabase: string
  @description('Activities one instance runs at once (renders and model calls).')
  maxPagesInFlight: int
  @description('The most all instances spend on model calls in a UTC day, in USD (Vision:DailyBudgetUsd); empty: no cap.')
  dailyBudgetUsd: string
}

@export()
@description('The settings as name/value pairs.')
func appSettings(input appSettingsInput) array => [
  // The Functions host.
  { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
  { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'dotnet-isolated' }
  // Said outright: Access:Mode open is refused outside Development (Middleware/AccessOptionsValidator.cs).
  { name: 'AZURE_FUNCTIONS_ENVIRONMENT', value: 'Production' }
  { name: 'AzureWebJobsStorage__accountName', value: input.storageAccountName }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: input.identityClientId }
  // Host keys live in their own vault, where the template seeded the blobs_extension system key the Event Grid
  // subscription calls with (infra/README.md, "The Event Grid key").
  { name: 'AzureWebJobsSecretStorageType', value: 'keyvault' }
  { name: 'AzureWebJobsSecretStorageKeyVaultUri', value: input.hostKeysVaultUri }
  { name: 'AzureWebJobsSecretStorageKeyVaultClientId', value: input.identityClientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: input.appInsightsConnectionString }
  { name: 'FineTuneCheckSchedule', value: '0 */15 * * * *' }
  { name: 'RetrySchedule', value: '0 */15 * * * *' }
  // DefaultAzureCredential in the app (Blob Storage, Cosmos DB) uses this identity.
  { name: 'AZURE_CLIENT_ID', value: input.identityClientId }
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
  { name: 'OPENAI_BASE_URL', value: input.openAIBaseUrl }
  { name: 'Vision__Authentication', value: input.useOpenAIIdentity ? 'entra' : 'auto' } // entra: a token, never a key
  { name: 'Vision__TokenScope', value: 'https://cognitiveservices.azure.com/.default' }
  { name: 'Vision__Model', value: input.openAIModel }
  { name: 'Vision__MaxImageLongSidePx', value: '2048' }
  { name: 'Vision__Detail', value: 'high' }
  { name: 'Vision__StructuredOutputs', value: 'true' }
  { name: 'Vision__MaxOutputTokens', value: '2000' }
  { name: 'Vision__RequestTimeout', value: '00:02:00' }
  { name: 'Vision__MaxRetries', value: '4' }
  { name: 'Vision__Grounding', value: 'base' }
  // Spend: model calls stop for the day once this is spent (infra/README.md, "Costs").
  { name: 'Vision__DailyBudgetUsd', value: input.dailyBudgetUsd }
  { name: 'Pipeline__MaxPagesInFlight', value: string(input.maxPagesInFlight) }
  { name: 'Pipeline__ActivityAttempts', value: '3' }
  // Shadow mode: a challenger model also estimates this share of documents (0 = off).
  { name: 'Shadow__Model', value: input.shadowModel }
  { name: 'Shadow__Percent', value: string(input.shadowPercent) }
  // Stores, by identity: no account keys.
  { name: 'Storage__BlobServiceUri', value: input.blobEndpoint }
  { name: 'Storage__CosmosEndpoint', value: input.cosmosEndpoint }
  { name: 'Storage__CosmosDatabase', value: input.cosmosDatabase }
  { name: 'Storage__CosmosContainer', value: 'estimates' }
  { name: 'Storage__CosmosModelsContainer', value: 'models' }
  { name: 'Storage__CreateCosmosResources', value: 'false' } // created here; the data-plane role cannot create them
  { name: 'Pipeline__MaxPdfBytes', value: '52428800' }
  // The estimator's page is GET /: the host's own home page steps aside.
  { name: 'AzureWebJobsDisableHomepage', value: 'true' }
  // Who may call the API (Middleware/CallerAccess.cs): Access__Mode and Access__ContainerAppsSignIn are each hosting's
  // own, set under the same condition as its sign-in resource.
  { name: 'Access__AdminRole', value: 'TimeVision.Admin' }
]

@export()
@description('Paths the platform\'s sign-in lets through unsigned: Event Grid calls the blob trigger\'s webhook with the blobs_extension key, not a sign-in.')
var signInExcludedPaths = ['/runtime/webhooks/blobs']
