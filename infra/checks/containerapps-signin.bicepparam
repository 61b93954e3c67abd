// Compiled by infra/scripts/check-templates.sh so that both hostings are checked with every parameter typed, here with
// sign-in (an app registration's client id); not used to deploy (azd uses main.parameters.json).
using '../main.bicep'

param environmentName = 'check'
param location = 'swedencentral'
param hosting = 'containerapps'
param hostMasterKey = readEnvironmentVariable('CHECK_HOST_MASTER_KEY', 'not-a-real-key')
param blobsExtensionKey = readEnvironmentVariable('CHECK_BLOBS_EXTENSION_KEY', 'not-a-real-key')
param budgetAlertEmail = 'estimating@example.com'
param authClientId = '00000000-0000-0000-0000-00000000c11d'
