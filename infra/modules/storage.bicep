@description('Name of the storage account (3-24 lowercase letters and digits).')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('The name of the app\'s user-assigned identity: gets the blob, queue and table data roles the Functions host, the Durable Task hub and the blob trigger need.')
param appIdentityName string

@description('Private networking: the blob, queue and table services get a private endpoint each (the host and the Durable Task hub use all three) and public network access is off.')
param privateNetworking bool = false

@description('With privateNetworking: the subnet for the private endpoints.')
param privateEndpointSubnetId string = ''

@description('With privateNetworking: the private DNS zones by group (blob, queue, table), from the network module.')
param privateDnsZoneIds object = {}

// Built-in role definition ids.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: account
  name: 'default'
}

// The PDFs as uploaded (the blob trigger watches this one) and the rendered page images.
resource drawings 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobs
  name: 'drawings'
}

resource pages 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobs
  name: 'pages'
}

// Blob events Event Grid could not deliver to the app (blob-events.bicep), kept to be replayed.
resource deadLetters 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobs
  name: 'drawing-events-deadletter'
}

// Past drawings for POST /api/history/imports (History:Container): no trigger watches it, so nothing is estimated when
// a drawing lands here. The posted times files, progress and summaries go to history-imports.
resource history 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobs
  name: 'history'
}

resource historyImports 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobs
  name: 'history-imports'
}

resource roles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in [storageBlobDataOwner, storageQueueDataContributor, storageTableDataContributor]: {
    scope: account
    name: guid(account.id, appIdentity.id, role)
    properties: {
      principalId: appIdentity.properties.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    }
  }
]

module privateEndpoints 'private-endpoint.bicep' = [
  for service in (privateNetworking ? ['blob', 'queue', 'table'] : []): {
    name: 'pe-${name}-${service}'
    params: {
      name: 'pe-${name}-${service}'
      location: location
      tags: tags
      subnetId: privateEndpointSubnetId
      targetId: account.id
      groupId: service
      dnsZoneId: privateDnsZoneIds[service]
    }
  }
]

@description('The account name, for AzureWebJobsStorage__accountName.')
output name string = account.name

@description('The blob endpoint, for Storage__BlobServiceUri.')
output blobEndpoint string = account.properties.primaryEndpoints.blob

@description('The container undeliverable blob events are written to.')
output deadLetterContainerName string = deadLetters.name
