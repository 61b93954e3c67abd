// The storage account's Event Grid system topic, which tells the blob trigger of new drawings (BlobTriggerSource
// EventGrid), and the container its undeliverable events land in. The subscription to the app's webhook is made
// after the app's image runs (infra/scripts/subscribe-blob-events.sh): Event Grid checks a webhook when it is
// subscribed, and before the first deploy the app runs the empty Functions base image, which has no blob trigger.

@description('Name of the system topic.')
param name string

@description('Azure region (the storage account\'s).')
param location string

@description('Tags for every resource.')
param tags object

@description('The storage account whose blob events are published.')
param storageAccountName string

@description('The container undeliverable events are written to.')
param deadLetterContainerName string

var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: account.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// The topic writes dead letters with its own identity: the account takes no shared keys.
resource deadLetterRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account
  name: guid(account.id, topic.id, storageBlobDataContributor)
  properties: {
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
  }
}

@description('The system topic\'s name.')
output name string = topic.name

@description('The dead-letter container.')
output deadLetterContainerName string = deadLetterContainerName
