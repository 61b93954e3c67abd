// A monthly Azure Consumption budget on the resource group: e-mail at 80 % and at 100 % of it, of the actual cost.

@description('Name of the budget.')
param name string

@description('The budget in the billing currency per month.')
@minValue(1)
param amount int

@description('Who is e-mailed.')
param contactEmails array

@description('The first month it covers (the first day of a month, yyyy-MM-dd).')
param startDate string

resource budget 'Microsoft.Consumption/budgets@2024-08-01' = {
  name: name
  properties: {
    category: 'Cost'
    amount: amount
    timeGrain: 'Monthly'
    timePeriod: {
      startDate: startDate
    }
    notifications: {
      actual80: {
        enabled: true
        operator: 'GreaterThanOrEqualTo'
        threshold: 80
        thresholdType: 'Actual'
        contactEmails: contactEmails
      }
      actual100: {
        enabled: true
        operator: 'GreaterThanOrEqualTo'
        threshold: 100
        thresholdType: 'Actual'
        contactEmails: contactEmails
      }
    }
  }
}

@description('The budget\'s name.')
output name string = budget.name
