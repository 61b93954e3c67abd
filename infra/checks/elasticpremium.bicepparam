// Compiled by infra/scripts/check-templates.sh so that both hostings are checked with every parameter typed; not used
// to deploy (azd uses main.parameters.json).
using '../main.bicep'

param environmentName = 'check'
param location = 'swedencentral'
param hosting = 'elasticpremium'
param hostMasterKey = readEnvironmentVariable('CHECK_HOST_MASTER_KEY', 'not-a-real-key')
param blobsExtensionKey = readEnvironmentVariable('CHECK_BLOBS_EXTENSION_KEY', 'not-a-real-key')
param budgetAlertEmail = 'estimating@example.com'
