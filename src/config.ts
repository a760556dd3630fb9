import { existsSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_LEASE_MS } from './app/scheduling/job-runner';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** Every setting the server reads, by its environment name. `infra/` sets the same names. */
export const settingsSchema = z
  .object({
    SAMRAD_MODE: optional(z.enum(['local', 'production'])),
    PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(65535).default(3978)),
    SAMRAD_HOST: optional(z.string()),
    SAMRAD_DB: z.preprocess(blankToUndefined, z.string().default('./data/samrad.db')),
    SAMRAD_ORGANISATION: z.preprocess(blankToUndefined, z.string().default('./config/organisation.yaml')),
    SAMRAD_DEFAULT_LOCALE: z.preprocess(blankToUndefined, z.enum(['nb', 'en']).default('nb')),
    SAMRAD_PUBLIC_URL: optional(z.string().url()),
    SAMRAD_LINK_SECRET: optional(z.string().min(32, 'at least 32 characters')),
    /** The host tenant's own domains, comma-separated: a guest is known by address only when invited by one. */
    SAMRAD_TENANT_DOMAINS: optional(
      z
        .string()
        .transform((v) => v.split(',').map((d) => d.trim().toLowerCase()).filter((d) => d !== ''))
        .pipe(z.array(z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a comma-separated list of domain names, e.g. contoso.onmicrosoft.com'))),
    ),
    /** Secret: seals the ballot boxes in the store (docs/voting-rules.md). Never change it while a vote is open. */
    SAMRAD_BALLOT_KEY: optional(z.string().min(32, 'at least 32 characters')),
    SAMRAD_LOG_LEVEL: z.preprocess(blankToUndefined, z.enum(['debug', 'info', 'warn', 'error']).default('info')),
    MicrosoftAppId: optional(guid),
    MicrosoftAppPassword: optional(z.string()),
    MicrosoftAppType: optional(z.enum(['SingleTenant', 'UserAssignedMSI'])),
    MicrosoftAppTenantId: optional(guid),
    // Microsoft 365: set SAMRAD_GRAPH_CREDENTIAL to keep the data in SharePoint (docs/permissions.md).
    SAMRAD_GRAPH_CREDENTIAL: optional(z.enum(['secret', 'certificate', 'managedIdentity'])),
    SAMRAD_GRAPH_TENANT_ID: optional(guid),
    SAMRAD_GRAPH_CLIENT_ID: optional(guid),
    /** Secret: from the environment (an App Service Key Vault reference), never a file in the repo. */
    SAMRAD_GRAPH_CLIENT_SECRET: optional(z.string()),
    SAMRAD_GRAPH_CERTIFICATE_PATH: optional(z.string()),
    SAMRAD_GRAPH_BASE_URL: z.preprocess(blankToUndefined, z.string().url().default('https://graph.microsoft.com/v1.0')),
    SAMRAD_SHAREPOINT_SITE_ID: optional(z.string()),
    /** The results as typed lists on the site, kept in step by the product (docs/sharepoint-lists.md). */
    SAMRAD_SHAREPOINT_LISTS: z.preprocess(blankToUndefined, z.enum(['on', 'off', 'true', 'false'], { message: 'on or off' }).default('off')),
    SAMRAD_DOCUMENTS_DRIVE_ID: optional(z.string()),
    SAMRAD_DOCUMENTS_DIR: z.preprocess(blankToUndefined, z.string().default('./data/documents')),
    SAMRAD_GRAPH_ORGANISER: optional(z.string().email()),
    // A crashed instance's jobs are taken over after this lease plus one 5 s poll; live jobs renew it.
    SAMRAD_JOB_LEASE_SECONDS: z.preprocess(
      blankToUndefined,
      z.coerce.number({ message: 'must be a whole number of seconds' }).int('must be a whole number of seconds').min(5, 'at least 5 seconds (clock skew and store latency)').max(3600, 'at most 3600 seconds').default(DEFAULT_LEASE_MS / 1000),
    ),
    // Finished jobs, outbox messages and delivery failures are removed after this many days (docs/scheduling.md).
    SAMRAD_RETENTION_DAYS: z.preprocess(
      blankToUndefined,
      z.coerce.number({ message: 'must be a whole number of days' }).int('must be a whole number of days').min(7, 'at least 7 days').max(3650, 'at most 3650 days').default(90),
    ),
    // Azure Table Storage for the machinery when several instances run (docs/storage.md): the endpoint and the managed identity, never a key.
    SAMRAD_TABLES_ENDPOINT: optional(z.string().url().regex(/^https?:\/\//, 'an https address, e.g. https://account.table.core.windows.net')),
    SAMRAD_TABLES_CLIENT_ID: optional(guid),
    /** Azurite or local development only: it carries an account key, refused in production. */
    SAMRAD_TABLES_CONNECTION_STRING: optional(z.string()),
    SAMRAD_TABLES_TABLE: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z][A-Za-z0-9]{2,62}$/, 'letters and digits, 3 to 63, starting with a letter').default('SamradMachinery')),
    // Teams' documented limit per app and tenant is 30 requests a second (older pages say 50).
    SAMRAD_TEAMS_TENANT_RATE: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(50).default(30)),
  })
  .superRefine((s, ctx) => {
    checkGraph(s, ctx);
    const production = s.SAMRAD_MODE === 'production' || (s.SAMRAD_MODE === undefined && s.MicrosoftAppId !== undefined);
    checkTables(s, production, ctx);
    if (!production) {
      if (s.MicrosoftAppId)
        ctx.addIssue({ code: 'custom', path: ['SAMRAD_MODE'], message: 'local mode takes no MicrosoftAppId; remove it or set production' });
      return;
    }
    const need = (key: keyof typeof s, why: string) => {
      if (s[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `required in production: ${why}` });
    };
    need('MicrosoftAppId', 'the bot registration id');
    need('MicrosoftAppType', 'SingleTenant or UserAssignedMSI');
    need('MicrosoftAppTenantId', 'the tenant the bot serves');
    if (s.MicrosoftAppType === 'SingleTenant') need('MicrosoftAppPassword', 'the client secret of a single-tenant bot');
    if (s.MicrosoftAppType === 'UserAssignedMSI' && s.MicrosoftAppPassword)
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'a managed identity has no secret; remove it' });
  });

export type Settings = z.output<typeof settingsSchema>;

type GraphSettingKeys = Extract<keyof Settings, `SAMRAD_GRAPH_${string}` | 'SAMRAD_SHAREPOINT_SITE_ID' | 'SAMRAD_SHAREPOINT_LISTS'>;

/** The Graph settings hang together: a credential needs its parts, and nothing is half set. */
function checkGraph(s: Partial<Record<GraphSettingKeys, unknown>>, ctx: z.RefinementCtx): void {
  const need = (key: GraphSettingKeys, why: string) => {
    if (s[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `required with SAMRAD_GRAPH_CREDENTIAL=${String(s.SAMRAD_GRAPH_CREDENTIAL)}: ${why}` });
  };
  const refuse = (key: GraphSettingKeys, why: string) => {
    if (s[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: why });
  };
  const kind = s.SAMRAD_GRAPH_CREDENTIAL;
  if (kind === undefined && (s.SAMRAD_SHAREPOINT_LISTS === 'on' || s.SAMRAD_SHAREPOINT_LISTS === 'true'))
    ctx.addIssue({ code: 'custom', path: ['SAMRAD_SHAREPOINT_LISTS'], message: 'the lists are on a SharePoint site: set SAMRAD_GRAPH_CREDENTIAL and SAMRAD_SHAREPOINT_SITE_ID too, or turn it off' });
  if (kind === undefined) {
    refuse('SAMRAD_SHAREPOINT_SITE_ID', 'set SAMRAD_GRAPH_CREDENTIAL too, or remove it');
    refuse('SAMRAD_GRAPH_CLIENT_SECRET', 'set SAMRAD_GRAPH_CREDENTIAL=secret too, or remove it');
    return;
  }
  need('SAMRAD_SHAREPOINT_SITE_ID', 'the site that holds the lists');
  if (kind === 'managedIdentity') {
    refuse('SAMRAD_GRAPH_CLIENT_SECRET', 'a managed identity has no secret; remove it');
    return;
  }
  need('SAMRAD_GRAPH_TENANT_ID', 'the tenant of the app registration');
  need('SAMRAD_GRAPH_CLIENT_ID', 'the app registration');
  if (kind === 'secret') need('SAMRAD_GRAPH_CLIENT_SECRET', 'the client secret');
  if (kind === 'certificate') need('SAMRAD_GRAPH_CERTIFICATE_PATH', 'a PEM file with the private key and certificate');
}

/** Table Storage hangs together: one way in, keys only off production, a client id only with the endpoint. */
function checkTables(s: Partial<Record<`SAMRAD_TABLES_${string}`, unknown>>, production: boolean, ctx: z.RefinementCtx): void {
  const issue = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
  if (s.SAMRAD_TABLES_CONNECTION_STRING !== undefined) {
    if (production) issue('SAMRAD_TABLES_CONNECTION_STRING', 'account keys are refused in production; set SAMRAD_TABLES_ENDPOINT and give the managed identity Storage Table Data Contributor');
    else if (s.SAMRAD_TABLES_ENDPOINT !== undefined) issue('SAMRAD_TABLES_CONNECTION_STRING', 'set SAMRAD_TABLES_ENDPOINT or a connection string (Azurite), not both');
  }
  if (s.SAMRAD_TABLES_CLIENT_ID !== undefined && s.SAMRAD_TABLES_ENDPOINT === undefined)
    issue('SAMRAD_TABLES_CLIENT_ID', 'set SAMRAD_TABLES_ENDPOINT too, or remove it');
}

/** Azure Table Storage for the machinery: by endpoint and managed identity, or (local, Azurite) a connection string. */
export type TablesConfig = ({ readonly endpoint: string; readonly clientId?: string } | { readonly connectionString: string }) & { readonly table: string };

function tablesConfig(s: Settings): TablesConfig | undefined {
  const table = s.SAMRAD_TABLES_TABLE;
  if (s.SAMRAD_TABLES_ENDPOINT) return { endpoint: s.SAMRAD_TABLES_ENDPOINT, table, ...(s.SAMRAD_TABLES_CLIENT_ID && { clientId: s.SAMRAD_TABLES_CLIENT_ID }) };
  if (s.SAMRAD_TABLES_CONNECTION_STRING) return { connectionString: s.SAMRAD_TABLES_CONNECTION_STRING, table };
  return undefined;
}

export type GraphCredentialConfig =
  | { readonly kind: 'secret'; readonly tenantId: string; readonly clientId: string; readonly clientSecret: string }
  | { readonly kind: 'certificate'; readonly tenantId: string; readonly clientId: string; readonly certificatePath: string }
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
        ? { kind, tenantId: s.SAMRAD_GRAPH_TENANT_ID!, clientId: s.SAMRAD_GRAPH_CLIENT_ID!, clientSecret: s.SAMRAD_GRAPH_CLIENT_SECRET! }
        : { kind, tenantId: s.SAMRAD_GRAPH_TENANT_ID!, clientId: s.SAMRAD_GRAPH_CLIENT_ID!, certificatePath: s.SAMRAD_GRAPH_CERTIFICATE_PATH! };
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
 * the object id in the organisation file or a link made earlier (README, Settings).
 */
export const tenantDomainsOf = (c: Pick<Config, 'mode' | 'tenantDomains'>): readonly string[] =>
  c.tenantDomains ?? (c.mode === 'local' ? LOCAL_TENANT_DOMAINS : []);

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || host.startsWith('127.');
