@description('Name of the Azure Cosmos DB for NoSQL account.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('Serverless (pay per request, the default: a job shop\'s traffic is small and bursty) or provisioned throughput.')
param serverless bool = true

@description('The name of the app\'s user-assigned identity: gets the Cosmos DB Built-in Data Contributor role.')
param appIdentityName string

@description('Optional: a person\'s principal id that also gets data access (to inspect estimates).')
param userPrincipalId string = ''

@description('Private networking: the account gets a private endpoint (Sql) and public network access is off.')
param privateNetworking bool = false

@description('With privateNetworking: the subnet for the private endpoints.')
param privateEndpointSubnetId string = ''

@description('With privateNetworking: the private DNS zones by group (cosmos), from the network module.')
param privateDnsZoneIds object = {}

var databaseName = 'timevision'

// The containers and partition keys the code expects (CosmosEstimateStore, CosmosModelRegistry, CosmosFineTuneJobStore).
var containers = [
  { name: 'estimates', partitionKey: '/documentId' }
  { name: 'models', partitionKey: '/kind' }
]

// Cosmos DB Built-in Data Contributor (a data-plane role of the account, not an Azure RBAC role).
var dataContributor = '00000000-0000-0000-0000-000000000002'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

resource account 'Microsoft.DocumentDB/databaseAccounts@2025-10-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    minimalTlsVersion: 'Tls12'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: serverless ? [{ name: 'EnableServerless' }] : []
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-10-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-10-15' = [
  for container in containers: {
    parent: database
    name: container.name
    properties: {
      resource: {
        id: container.name
        partitionKey: {
          paths: [container.partitionKey]
          kind: 'Hash'
        }
      }
    }
  }
]

resource appAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-10-15' = {
  parent: account
  name: guid(account.id, appIdentity.id, dataContributor)
  properties: {
    principalId: appIdentity.properties.principalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributor}'
    scope: account.id
  }
}

resource userAccess 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-10-15' = if (!empty(userPrincipalId)) {
  parent: account
  name: guid(account.id, userPrincipalId, dataContributor)
  properties: {
    principalId: userPrincipalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributor}'
    scope: account.id
  }
}

module privateEndpoint 'private-endpoint.bicep' = if (privateNetworking) {
  name: 'pe-${name}-sql'
  params: {
    name: 'pe-${name}-sql'
    location: location
    tags: tags
    subnetId: privateEndpointSubnetId
    targetId: account.id
    groupId: 'Sql'
    dnsZoneId: privateDnsZoneIds.?cosmos ?? ''
  }
}

@description('The account endpoint, for Storage__CosmosEndpoint.')
output endpoint string = account.properties.documentEndpoint

@description('The database name.')
output databaseName string = database.name
