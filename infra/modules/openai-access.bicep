// Access to an existing Azure OpenAI (or Azure AI services) account by Microsoft Entra ID, so the app needs no key.
// Every other role assignment sits in the module of the resource it is on; this one is on its own because the
// account is not created here and may live in another resource group, and a role assignment has to be deployed
// in the scope of the resource it is on. It follows the same pattern: the app's identity by name, a guid(...) name.

@description('Name of the existing Microsoft.CognitiveServices/accounts resource (kind OpenAI or AIServices) in this module\'s resource group.')
param openAIResourceName string

@description('The name of the app\'s user-assigned identity: gets Cognitive Services OpenAI User on the account.')
param appIdentityName string

@description('The resource group of that identity (the app\'s), which may differ from the account\'s.')
param appIdentityResourceGroupName string

// Cognitive Services OpenAI User: call the inference APIs (chat completions, ...) and read deployments; no keys.
var openAIUser = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  scope: resourceGroup(appIdentityResourceGroupName)
  name: appIdentityName
}

resource account 'Microsoft.CognitiveServices/accounts@2025-06-01' existing = {
  name: openAIResourceName
}

resource appRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: account
  name: guid(account.id, appIdentity.id, openAIUser)
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', openAIUser)
  }
}

