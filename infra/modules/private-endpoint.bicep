// One private endpoint for one service of a resource (blob, queue, table, Sql, vault), registered in its private DNS
// zone so the resource's public name resolves to the endpoint's private address inside the network.

@description('Name of the private endpoint.')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('The subnet for the endpoint.')
param subnetId string

@description('The resource the endpoint reaches.')
param targetId string

@description('The resource\'s sub-resource (group id): blob, queue, table, Sql, vault.')
param groupId string

@description('The private DNS zone the endpoint\'s address is registered in.')
param dnsZoneId string

resource endpoint 'Microsoft.Network/privateEndpoints@2024-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: targetId
          groupIds: [groupId]
        }
      }
    ]
  }
}

resource dnsZoneGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-07-01' = {
  parent: endpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: groupId
        properties: {
          privateDnsZoneId: dnsZoneId
        }
      }
    ]
  }
}
