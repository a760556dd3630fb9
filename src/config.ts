import { existsSync } from 'node:fs';
import { settingsSchema, type Settings } from './settings';

/** Azure Table Storage for the machinery: by endpoint and managed identity, or (local, Azurite) a connection string. */
export type TablesConfig = (
  { readonly endpoint: string; readonly clientId?: string } | { readonly connectionString: string }
) & { readonly table: string };

function tablesConfig(s: Settings): TablesConfig | undefined {
  const table = s.SAMRAD_TABLES_TABLE;
  if (s.SAMRAD_TABLES_ENDPOINT)
    return {
      endpoint: s.SAMRAD_TABLES_ENDPOINT,
      table,
      ...(s.SAMRAD_TABLES_CLIENT_ID && { clientId: s.SAMRAD_TABLES_CLIENT_ID }),
    };
  if (s.SAMRAD_TABLES_CONNECTION_STRING) return { connectionString: s.SAMRAD_TABLES_CONNECTION_STRING, table };
  return undefined;
}

export type GraphCredentialConfig =
  | { readonly kind: 'secret'; readonly tenantId: string; readonly clientId: string; readonly clientSecret: string }
  | {
      readonly kind: 'certificate';
      readonly tenantId: string;
      readonly clientId: string;
      readonly certificatePath: string;
    }
  | { readonly kind: 'managedIdentity'; readonly clientId?: string };

/** Microsoft 365 through Graph; when present, the records live in SharePoint instead of SQLite. */
export interface GraphConfig {
  /** Versioned: `https://graph.microsoft.com/v1.0`, a national cloud's, or a test fake's. */
  readonly baseUrl: string;
  readonly credential: GraphCredentialConfig;
  readonly siteId: string;
  /** The document library for generated DOCX files; without it they go to `documentsDir`. */
  readonly documentsDriveId?: string;
  /** The mailbox whose calendar holds the meetings (see docs/calendar.md). */
  readonly organiser?: string;
  /** `SAMRAD_SHAREPOINT_LISTS=on`: the results projected into typed lists (docs/sharepoint-lists.md). */
  readonly resultLists?: boolean;
}

function graphConfig(s: Settings): GraphConfig | undefined {
  const kind = s.SAMRAD_GRAPH_CREDENTIAL;
  if (!kind) return undefined;
  const credential: GraphCredentialConfig =
    kind === 'managedIdentity'
      ? { kind, ...(s.SAMRAD_GRAPH_CLIENT_ID && { clientId: s.SAMRAD_GRAPH_CLIENT_ID }) }
      : kind === 'secret'
        ? {
            kind,
            tenantId: s.SAMRAD_GRAPH_TENANT_ID!,
            clientId: s.SAMRAD_GRAPH_CLIENT_ID!,
            clientSecret: s.SAMRAD_GRAPH_CLIENT_SECRET!,
          }
        : {
            kind,
            tenantId: s.SAMRAD_GRAPH_TENANT_ID!,
            clientId: s.SAMRAD_GRAPH_CLIENT_ID!,
            certificatePath: s.SAMRAD_GRAPH_CERTIFICATE_PATH!,
          };
  return {
    baseUrl: s.SAMRAD_GRAPH_BASE_URL,
    credential,
    siteId: s.SAMRAD_SHAREPOINT_SITE_ID!,
    ...(s.SAMRAD_DOCUMENTS_DRIVE_ID && { documentsDriveId: s.SAMRAD_DOCUMENTS_DRIVE_ID }),
    ...(s.SAMRAD_GRAPH_ORGANISER && { organiser: s.SAMRAD_GRAPH_ORGANISER }),
    ...((s.SAMRAD_SHAREPOINT_LISTS === 'on' || s.SAMRAD_SHAREPOINT_LISTS === 'true') && { resultLists: true }),
  };
}

export interface Config {
  readonly mode: 'local' | 'production';
  readonly port: number;
  readonly host: string;
  readonly databaseFile: string;
  readonly organisationFile: string;
  readonly defaultLocale: 'nb' | 'en';
  readonly logLevel: Settings['SAMRAD_LOG_LEVEL'];
  /** Where people reach the server, for links in cards; defaults to the listening address. */
  readonly publicUrl?: string;
  /** Signs download links; without it links last as long as the process. */
  readonly linkSecret?: string;
  /** The host tenant's own domains (SAMRAD_TENANT_DOMAINS); read it through `tenantDomainsOf`. */
  readonly tenantDomains?: readonly string[];
  /** Seals ballot boxes, so no stored version of a secret box can be read without it. */
  readonly ballotKey?: string;
  /** Where generated documents go when no document library is configured. */
  readonly documentsDir?: string;
  /** Present when a tenant is configured; otherwise SQLite and local files. */
  readonly graph?: GraphConfig;
  /** The scheduler's job lease (`SAMRAD_JOB_LEASE_SECONDS`, default 20 s); absent: the runner's default. */
  readonly jobLeaseMs?: number;
  /** Proactive requests per second to Teams, per tenant (`SAMRAD_TEAMS_TENANT_RATE`); 30 when absent. */
  readonly teamsTenantRate?: number;
  /** The Teams SDK behind `/api/messages` and proactive sends (`SAMRAD_TEAMS_SDK`); absent: the Bot Framework SDK. */
  readonly teamsSdk?: 'botframework' | 'agents';
  /** Days finished jobs and delivery failures are kept (`SAMRAD_RETENTION_DAYS`); 90 when absent. */
  readonly retentionDays?: number;
  /** Present when several instances run: the machinery (jobs, outbox, Teams budget) in Azure Table Storage. */
  readonly tables?: TablesConfig;
  /** Present in production only. */
  readonly bot?: {
    readonly appId: string;
    readonly appType: 'SingleTenant' | 'UserAssignedMSI';
    readonly tenantId: string;
    readonly password?: string;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Samråd cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the environment once. A `.env` file, when present, fills what the environment lacks. */
export function readConfig(env: NodeJS.ProcessEnv = process.env, dotenv = '.env'): Config {
  if (env === process.env && existsSync(dotenv)) process.loadEnvFile(dotenv);
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(settings)'}: ${i.message}`));
  }
  const s = parsed.data;
  const graph = graphConfig(s);
  const tables = tablesConfig(s);
  const production = s.SAMRAD_MODE === 'production' || (s.SAMRAD_MODE === undefined && s.MicrosoftAppId !== undefined);
  if (!production && s.SAMRAD_HOST && !isLoopback(s.SAMRAD_HOST)) {
    // Local mode accepts requests without a token, so it must not be reachable from outside.
    throw new ConfigError([`SAMRAD_HOST: local mode listens on loopback only, not ${s.SAMRAD_HOST}`]);
  }
  return {
    mode: production ? 'production' : 'local',
    port: s.PORT,
    host: s.SAMRAD_HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    databaseFile: s.SAMRAD_DB,
    organisationFile: s.SAMRAD_ORGANISATION,
    defaultLocale: s.SAMRAD_DEFAULT_LOCALE,
    logLevel: s.SAMRAD_LOG_LEVEL,
    documentsDir: s.SAMRAD_DOCUMENTS_DIR,
    jobLeaseMs: s.SAMRAD_JOB_LEASE_SECONDS * 1000,
    teamsTenantRate: s.SAMRAD_TEAMS_TENANT_RATE,
    teamsSdk: s.SAMRAD_TEAMS_SDK,
    retentionDays: s.SAMRAD_RETENTION_DAYS,
    ...(graph && { graph }),
    ...(tables && { tables }),
    ...(s.SAMRAD_PUBLIC_URL && { publicUrl: s.SAMRAD_PUBLIC_URL }),
    ...(s.SAMRAD_LINK_SECRET && { linkSecret: s.SAMRAD_LINK_SECRET }),
    ...(s.SAMRAD_TENANT_DOMAINS && s.SAMRAD_TENANT_DOMAINS.length > 0 && { tenantDomains: s.SAMRAD_TENANT_DOMAINS }),
    ...(s.SAMRAD_BALLOT_KEY && { ballotKey: s.SAMRAD_BALLOT_KEY }),
    ...(production && {
      bot: {
        appId: s.MicrosoftAppId!,
        appType: s.MicrosoftAppType!,
        tenantId: s.MicrosoftAppTenantId!,
        ...(s.MicrosoftAppPassword && { password: s.MicrosoftAppPassword }),
      },
    }),
  };
}

/** The sample organisation's guests (config/playground) are invited by this tenant. */
export const LOCAL_TENANT_DOMAINS: readonly string[] = ['samrad.onmicrosoft.com'];

/**
 * The domains after `#EXT#@` that make a guest UPN trustworthy. The tenant id does not tell
 * its domains, so production without the setting trusts none: guests are then known only by
 * the object id in the organisation file or a link made earlier (docs/operations.md, Configuration).
 */
export const tenantDomainsOf = (c: Pick<Config, 'mode' | 'tenantDomains'>): readonly string[] =>
  c.tenantDomains ?? (c.mode === 'local' ? LOCAL_TENANT_DOMAINS : []);

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || host.startsWith('127.');
