// The Functions host's keys, in a vault of their own (AzureWebJobsSecretStorageType = keyvault), so the template can
// seed the blobs_extension system key that the Event Grid subscription calls the blob trigger's webhook with: the host
// reads a key it finds here instead of inventing one at its first start, which no template could know.
// The host writes the keys it generates for other extensions here too, so the app's identity may write secrets: in
// this vault only, not in the one holding the OpenAI key.

@description('Name of the vault (3-24 characters).')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('The name of the app\'s user-assigned identity: gets Key Vault Secrets Officer here.')
param appIdentityName string

@description('Optional: the deploying person\'s principal id, which gets Key Vault Secrets User here, for the post-provision hook that subscribes the webhook.')
param userPrincipalId string = ''

@secure()
@description('The host\'s master key.')
param masterKey string

@secure()
@description('The blobs_extension system key: Event Grid\'s key to the blob trigger\'s webhook.')
param blobsExtensionKey string

var secretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var secretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'

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
    enablePurgeProtection: true
  }
}

// The host's names for its keys: host--<kind>--<name>, a character other than a letter or digit written as '-' and
// its three-digit code ('_' is -095).
resource master 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'host--masterKey--master'
  properties: {
    value: masterKey
    contentType: 'text/plain'
  }
}

resource blobsExtension 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = {
  parent: vault
  name: 'host--systemKey--blobs-095extension'
  properties: {
    value: blobsExtensionKey
    contentType: 'text/plain'
  }
}

resource appRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, appIdentity.id, secretsOfficer)
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsOfficer)
  }
}

resource userRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(userPrincipalId)) {
  scope: vault
  name: guid(vault.id, userPrincipalId, secretsUser)
  properties: {
    principalId: userPrincipalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUser)
  }
}

@description('The vault name.')
output name string = vault.name

@description('The vault URI, for AzureWebJobsSecretStorageKeyVaultUri.')
output uri string = vault.properties.vaultUri

@description('The name of the blobs_extension key\'s secret.')
output blobsExtensionSecretName string = blobsExtension.name
