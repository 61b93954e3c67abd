@description('Name of the Key Vault (3-24 characters).')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('The name of the app\'s user-assigned identity: gets Key Vault Secrets User, to resolve the OpenAI key reference.')
param appIdentityName string

@description('Optional: a person\'s principal id that gets Key Vault Secrets Officer, to set or rotate the key.')
param userPrincipalId string = ''

@secure()
@description('The OpenAI (or Azure OpenAI) API key; empty: no secret, and no reference to one.')
param openAIApiKey string = ''

@description('Private networking: the vault gets a private endpoint (vault) and public network access is off.')
param privateNetworking bool = false

@description('With privateNetworking: the subnet for the private endpoints.')
param privateEndpointSubnetId string = ''

@description('With privateNetworking: the private DNS zones by group (vault), from the network module.')
param privateDnsZoneIds object = {}

var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var secretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
var secretName = 'openai-api-key'

// The secret, and the app's reference to it, exist together: a reference to a secret that does not exist reaches the
// app as its own text (@Microsoft.KeyVault(...)), which would be sent to the model endpoint as the key.
var storesSecret = !empty(openAIApiKey)

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    // A deleted vault or secret cannot be purged before the 7 days are up. Once on, this cannot be turned off again.
    enablePurgeProtection: true
    // The template still writes the secret without network access: Azure Resource Manager writes it, not this network.
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
  }
}

resource secret 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (storesSecret) {
  parent: vault
  name: secretName
  properties: {
    value: openAIApiKey
    contentType: 'text/plain'
  }
}

resource appRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, appIdentity.id, secretsUser)
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}

resource userRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  scope: vault
  name: guid(vault.id, userPrincipalId, secretsOfficer)
  properties: {
    principalId: userPrincipalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficer)
  }
}

module privateEndpoint 'private-endpoint.bicep' = if (privateNetworking) {
  name: 'pe-${name}-vault'
  params: {
    name: 'pe-${name}-vault'
    location: location
    tags: tags
    subnetId: privateEndpointSubnetId
    targetId: vault.id
    groupId: 'vault'
    dnsZoneId: privateDnsZoneIds.?vault ?? ''
  }
}

@description('The vault name.')
output name string = vault.name

@description('The app setting value that resolves to the OpenAI key through the app\'s identity; empty when no key was given (no secret).')
output openAIApiKeyReference string = storesSecret ? '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=${secretName})' : ''

@description('The OpenAI key\'s secret URI (versionless), for a Container Apps secret reference; empty when no key was given.')
output openAIApiKeySecretUri string = storesSecret ? '${vault.properties.vaultUri}secrets/${secretName}' : ''
