// The private network, deployed only with enablePrivateNetworking: a virtual network with a subnet for the Function
// App's VNet integration (outbound to the internet through a NAT gateway with one static IP) and a subnet for the
// private endpoints of Storage, Cosmos DB and Key Vault, and the private DNS zones that make the services' public
// names resolve to those endpoints inside the network.

@description('Name of the virtual network.')
param name string

@description('Name of the NAT gateway (the app subnet\'s way out to the internet: the model endpoint, the registry, Application Insights).')
param natGatewayName string

@description('Name of the NAT gateway\'s public IP address.')
param publicIpName string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object

@description('The address space; the app subnet is its first /24, the private endpoints\' subnet its second.')
param addressPrefix string = '10.0.0.0/16'

var appSubnetName = 'snet-app'
var privateEndpointSubnetName = 'snet-private-endpoints'

// One zone per private endpoint group, keyed by the name the modules look them up with.
var zones = {
  blob: 'privatelink.blob.${environment().suffixes.storage}'
  queue: 'privatelink.queue.${environment().suffixes.storage}'
  table: 'privatelink.table.${environment().suffixes.storage}'
  cosmos: 'privatelink.documents.azure.com'
  vault: 'privatelink.vaultcore.azure.net'
}

resource publicIp 'Microsoft.Network/publicIPAddresses@2024-07-01' = {
  name: publicIpName
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

resource natGateway 'Microsoft.Network/natGateways@2024-07-01' = {
  name: natGatewayName
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    idleTimeoutInMinutes: 4
    publicIpAddresses: [
      {
        id: publicIp.id
      }
    ]
  }
}

resource network 'Microsoft.Network/virtualNetworks@2024-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [addressPrefix]
    }
    subnets: [
      {
        // Elastic Premium VNet integration: one address per instance (and as many again while the platform
        // upgrades them), delegated to App Service.
        name: appSubnetName
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 0)
          delegations: [
            {
              name: 'app-service'
              properties: {
                serviceName: 'Microsoft.Web/serverFarms'
              }
            }
          ]
          natGateway: {
            id: natGateway.id
          }
          defaultOutboundAccess: false
        }
      }
      {
        name: privateEndpointSubnetName
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 1)
          privateEndpointNetworkPolicies: 'Disabled'
          defaultOutboundAccess: false
        }
      }
    ]
  }
}

resource dnsZones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for zone in items(zones): {
    name: zone.value
    location: 'global'
    tags: tags
  }
]

resource dnsLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (zone, i) in items(zones): {
    parent: dnsZones[i]
    name: name
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: network.id
      }
    }
  }
]

@description('The subnet the Function App integrates with.')
output appSubnetId string = '${network.id}/subnets/${appSubnetName}'

@description('The subnet the private endpoints sit in.')
output privateEndpointSubnetId string = '${network.id}/subnets/${privateEndpointSubnetName}'

@description('The private DNS zones\' ids by group: blob, queue, table, cosmos, vault.')
output dnsZoneIds object = toObject(items(zones), zone => zone.key, zone => resourceId('Microsoft.Network/privateDnsZones', zone.value))

@description('The app\'s one outbound IP address, for allow-lists (an OpenAI project\'s, say).')
output outboundIpAddress string = publicIp.properties.ipAddress
