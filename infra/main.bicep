// Samråd in Azure: one Linux web app running the bot, an Azure Bot registration that points
// at it, and the Teams channel. The bot signs in as a user-assigned managed identity, so
// there is no client secret to create, store or rotate.
//
//   az deployment group create -g <resource group> -f infra/main.bicep -p infra/main.parameters.json

@description('Name of the web app, and the stem of the other names. The bot answers at https://<name>.azurewebsites.net/api/messages.')
@minLength(2)
@maxLength(40)
param name string = 'samrad-${uniqueString(resourceGroup().id)}'

@description('Region for the plan, the web app and the identity. The bot registration itself is global.')
param location string = resourceGroup().location

@description('App Service plan size. B1 is enough for one cooperation; alwaysOn needs Basic or higher.')
param planSku string = 'B1'

@description('Bot Service pricing tier. Teams is a standard channel, so F0 carries all its messages free of charge.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Name shown for the bot registration in the Azure portal.')
param botDisplayName string = 'Samråd'

@description('The organisation file. Upload it under /home/data (kept across deployments) before the first start.')
param organisationFile string = '/home/data/organisation.yaml'

@description('Language of replies when neither the command nor the Teams client tells: nb or en.')
@allowed([
  'nb'
  'en'
])
param defaultLocale string = 'nb'

@description('Keep records in SharePoint and documents in its library through Microsoft Graph, signed in as the same managed identity: managedIdentity, or empty for SQLite on /home/data. Grant the identity Sites.Selected first (docs/operations.md, "Running against a real tenant").')
@allowed([
  ''
  'managedIdentity'
])
param graphCredential string = ''

@description('With graphCredential: the SharePoint site id (hostname,site-collection-id,web-id) that holds the SamradRecords list. Run `npm run provision` against it once.')
param sharePointSiteId string = ''

@description('Optional: the drive id of the document library for generated DOCX files; empty keeps them under /home/data/documents.')
param documentsDriveId string = ''

@description('Optional: the mailbox whose calendar holds the meetings (Calendars.ReadWrite limited to it).')
param organiserMailbox string = ''

@description('With graphCredential: on keeps the results as typed lists on the site as well (docs/sharepoint-lists.md); run `npm run provision` with it first.')
@allowed([
  'off'
  'on'
])
param sharePointLists string = 'off'

@description('Microsoft Graph in the cloud the tenant is in, with the version (national clouds differ).')
param graphBaseUrl string = 'https://graph.microsoft.com/v1.0'

@description('How many instances of the web app run. One keeps everything in SQLite or SharePoint; more than one adds a storage account for the machinery (jobs, outbox, Teams\' shared budget) in Table Storage (docs/storage.md).')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Optional: an existing Key Vault in this resource group holding the secrets samrad-link-secret and samrad-ballot-key (each at least 32 characters). The app reads them as Key Vault references; no value is in this template.')
param keyVaultName string = ''

@description('The host tenant\'s own domains, comma-separated (e.g. contoso.onmicrosoft.com,contoso.no): a guest is then known by address when invited by one of them.')
param tenantDomains string = ''

// New bots must be single-tenant or managed-identity ones; this is the tenant the bot serves.
var tenantId = tenant().tenantId
// Links in cards (downloads, calendar files) point here. The app's own host name cannot be
// read inside its own definition, so it is built from the name.
var publicUrl = 'https://${name}.azurewebsites.net'

// Several instances share the machinery through Table Storage; one instance needs none.
var severalInstances = instanceCount > 1
// Storage account names: 3–24 lower-case letters and digits.
var storageName = take('st${toLower(replace(name, '-', ''))}${uniqueString(resourceGroup().id)}', 24)
var tablesEndpoint = 'https://${storageName}.table.${environment().suffixes.storage}'
var machineryTable = 'SamradMachinery'
// Secrets as Key Vault references (resolved by App Service with the app's identity): never values here.
var linkSecretReference = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=samrad-link-secret)'
var ballotKeyReference = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=samrad-ballot-key)'
// Built-in role ids: Storage Table Data Contributor, Key Vault Secrets User.
var tableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id'
  location: location
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: planSku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

// The machinery's store when several instances run: no account keys at all (only Entra ID,
// the managed identity below), TLS 1.2, no public blob access.
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = if (severalInstances) {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_ZRS'
  }
  properties: {
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = if (severalInstances) {
  parent: storage
  name: 'default'
}

resource table 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = if (severalInstances) {
  parent: tableService
  name: machineryTable
}

// The app's identity reads and writes entities (and may create the table); it gets no key.
resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (severalInstances) {
  name: guid(storage.id, identity.id, tableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = if (keyVaultName != '') {
  name: keyVaultName
}

// The identity reads the two secrets for App Service's Key Vault references.
resource vaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (keyVaultName != '') {
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the user-assigned identity (there is no system one).
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      // Node 22 LTS (Node 20 reached end of life on 2026-04-30); package.json's engines allow it.
      linuxFxVersion: 'NODE|22-lts'
      // Proactive messages and reminders must not wait for the first request to wake the app.
      alwaysOn: true
      healthCheckPath: '/healthz'
      // The deployment build (Oryx) runs `npm install` and `npm run build`; this starts dist/.
      appCommandLine: 'npm run serve'
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      // Every name here is a key of settingsSchema in src/config.ts (tests/unit/infra.test.ts
      // checks that, and that the server starts in production mode with them). App Service
      // sets PORT itself. MicrosoftAppPassword is deliberately absent: a managed identity has none.
      appSettings: [
        {
          name: 'SAMRAD_MODE'
          value: 'production'
        }
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppId'
          value: identity.properties.clientId
        }
        {
          name: 'MicrosoftAppTenantId'
          value: tenantId
        }
        {
          // /home is the app's persistent share; the rest of the file system is reset on restart.
          name: 'SAMRAD_DB'
          value: '/home/data/samrad.db'
        }
        {
          name: 'SAMRAD_ORGANISATION'
          value: organisationFile
        }
        {
          name: 'SAMRAD_PUBLIC_URL'
          value: publicUrl
        }
        {
          name: 'SAMRAD_DEFAULT_LOCALE'
          value: defaultLocale
        }
        {
          name: 'SAMRAD_LOG_LEVEL'
          value: 'info'
        }
        {
          name: 'SAMRAD_GRAPH_CREDENTIAL'
          value: graphCredential
        }
        {
          // The bot's own identity also signs in to Graph: still no secret anywhere.
          name: 'SAMRAD_GRAPH_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'SAMRAD_GRAPH_TENANT_ID'
          value: tenantId
        }
        {
          name: 'SAMRAD_GRAPH_BASE_URL'
          value: graphBaseUrl
        }
        {
          name: 'SAMRAD_SHAREPOINT_SITE_ID'
          value: sharePointSiteId
        }
        {
          name: 'SAMRAD_DOCUMENTS_DRIVE_ID'
          value: documentsDriveId
        }
        {
          name: 'SAMRAD_DOCUMENTS_DIR'
          value: '/home/data/documents'
        }
        {
          name: 'SAMRAD_GRAPH_ORGANISER'
          value: organiserMailbox
        }
        {
          name: 'SAMRAD_SHAREPOINT_LISTS'
          value: sharePointLists
        }
          name: 'SAMRAD_TENANT_DOMAINS'
          value: tenantDomains
        }
        // Only with several instances: the machinery in Table Storage, signed in as the identity.
        ...(severalInstances
          ? [
              {
                name: 'SAMRAD_TABLES_ENDPOINT'
                value: tablesEndpoint
              }
              {
                name: 'SAMRAD_TABLES_CLIENT_ID'
                value: identity.properties.clientId
              }
              {
                name: 'SAMRAD_TABLES_TABLE'
                value: machineryTable
              }
            ]
          : [])
        // Only with a Key Vault: the link and ballot secrets as references, never values.
        ...(keyVaultName != ''
          ? [
              {
                name: 'SAMRAD_LINK_SECRET'
                value: linkSecretReference
              }
              {
                name: 'SAMRAD_BALLOT_KEY'
                value: ballotKeyReference
              }
            ]
          : [])
        {
          // Build on deployment, so better-sqlite3's native module matches the server it runs on.
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'true'
        }
      ]
      // WEBSITE_NODE_DEFAULT_VERSION is not set: it applies to Windows plans only; on Linux
      // linuxFxVersion above chooses Node.
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('For `npm run package`: BOT_ID.')
output botId string = identity.properties.clientId

@description('For `npm run package`: BOT_DOMAIN.')
output botDomain string = app.properties.defaultHostName

output messagingEndpoint string = bot.properties.endpoint
