// The environment's settings as a schema: what each may hold and which hang together.
import { z } from 'zod';
import { DEFAULT_LEASE_MS } from './app/scheduling/job-runner';

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** Every setting the server reads, by its environment name. `infra/` sets the same names. */
export const settingsSchema = z
  .object({
    SAMRAD_MODE: optional(z.enum(['local', 'production'])),
    PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(65535).default(3978)),
    SAMRAD_HOST: optional(z.string()),
    SAMRAD_DB: z.preprocess(blankToUndefined, z.string().default('./data/samrad.db')),
    SAMRAD_ORGANISATION: z.preprocess(blankToUndefined, z.string().default('./config/organisation.yaml')),
    SAMRAD_DEFAULT_LOCALE: z.preprocess(blankToUndefined, z.enum(['nb', 'en']).default('nb')),
    SAMRAD_PUBLIC_URL: optional(z.url()),
    SAMRAD_LINK_SECRET: optional(z.string().min(32, 'at least 32 characters')),
    /** The host tenant's own domains, comma-separated: a guest is known by address only when invited by one. */
    SAMRAD_TENANT_DOMAINS: optional(
      z
        .string()
        .transform((v) =>
          v
            .split(',')
            .map((d) => d.trim().toLowerCase())
            .filter((d) => d !== ''),
        )
        .pipe(
          z.array(
            z
              .string()
              .regex(
                /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
                'a comma-separated list of domain names, e.g. contoso.onmicrosoft.com',
              ),
          ),
        ),
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
    SAMRAD_GRAPH_BASE_URL: z.preprocess(blankToUndefined, z.url().default('https://graph.microsoft.com/v1.0')),
    SAMRAD_SHAREPOINT_SITE_ID: optional(z.string()),
    /** The results as typed lists on the site, kept in step by the product (docs/sharepoint-lists.md). */
    SAMRAD_SHAREPOINT_LISTS: z.preprocess(
      blankToUndefined,
      z.enum(['on', 'off', 'true', 'false'], { error: 'on or off' }).default('off'),
    ),
    SAMRAD_DOCUMENTS_DRIVE_ID: optional(z.string()),
    SAMRAD_DOCUMENTS_DIR: z.preprocess(blankToUndefined, z.string().default('./data/documents')),
    SAMRAD_GRAPH_ORGANISER: optional(z.email()),
    // A crashed instance's jobs are taken over after this lease plus one 5 s poll; live jobs renew it.
    SAMRAD_JOB_LEASE_SECONDS: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'must be a whole number of seconds' })
        .int('must be a whole number of seconds')
        .min(5, 'at least 5 seconds (clock skew and store latency)')
        .max(3600, 'at most 3600 seconds')
        .default(DEFAULT_LEASE_MS / 1000),
    ),
    // Finished jobs, outbox messages and delivery failures are removed after this many days (docs/scheduling.md).
    SAMRAD_RETENTION_DAYS: z.preprocess(
      blankToUndefined,
      z.coerce
        .number({ error: 'must be a whole number of days' })
        .int('must be a whole number of days')
        .min(7, 'at least 7 days')
        .max(3650, 'at most 3650 days')
        .default(90),
    ),
    // Azure Table Storage for the machinery when several instances run (docs/storage.md): the endpoint and the managed identity, never a key.
    SAMRAD_TABLES_ENDPOINT: optional(
      z.url().regex(/^https?:\/\//, 'an https address, e.g. https://account.table.core.windows.net'),
    ),
    SAMRAD_TABLES_CLIENT_ID: optional(guid),
    /** Azurite or local development only: it carries an account key, refused in production. */
    SAMRAD_TABLES_CONNECTION_STRING: optional(z.string()),
    SAMRAD_TABLES_TABLE: z.preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9]{2,62}$/, 'letters and digits, 3 to 63, starting with a letter')
        .default('SamradMachinery'),
    ),
    // Teams' documented limit per app and tenant is 30 requests a second (older pages say 50).
    SAMRAD_TEAMS_TENANT_RATE: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(50).default(30)),
    // Which Teams SDK serves the bot: the Bot Framework SDK (default) or the Microsoft 365 Agents SDK (docs/agents-sdk.md).
    SAMRAD_TEAMS_SDK: z.preprocess(blankToUndefined, z.enum(['botframework', 'agents']).default('botframework')),
  })
  .superRefine((s, ctx) => {
    checkGraph(s, ctx);
    const production =
      s.SAMRAD_MODE === 'production' || (s.SAMRAD_MODE === undefined && s.MicrosoftAppId !== undefined);
    checkTables(s, production, ctx);
    if (!production) {
      if (s.MicrosoftAppId)
        ctx.addIssue({
          code: 'custom',
          path: ['SAMRAD_MODE'],
          message: 'local mode takes no MicrosoftAppId; remove it or set production',
        });
      return;
    }
    const need = (key: keyof typeof s, why: string) => {
      if (s[key] === undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: `required in production: ${why}` });
    };
    need('MicrosoftAppId', 'the bot registration id');
    need('MicrosoftAppType', 'SingleTenant or UserAssignedMSI');
    need('MicrosoftAppTenantId', 'the tenant the bot serves');
    if (s.MicrosoftAppType === 'SingleTenant') need('MicrosoftAppPassword', 'the client secret of a single-tenant bot');
    if (s.MicrosoftAppType === 'UserAssignedMSI' && s.MicrosoftAppPassword)
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'a managed identity has no secret; remove it',
      });
  });

export type Settings = z.output<typeof settingsSchema>;

type GraphSettingKeys = Extract<
  keyof Settings,
  `SAMRAD_GRAPH_${string}` | 'SAMRAD_SHAREPOINT_SITE_ID' | 'SAMRAD_SHAREPOINT_LISTS'
>;

/** The Graph settings hang together: a credential needs its parts, and nothing is half set. */
function checkGraph(s: Partial<Record<GraphSettingKeys, unknown>>, ctx: z.RefinementCtx): void {
  const need = (key: GraphSettingKeys, why: string) => {
    if (s[key] === undefined)
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `required with SAMRAD_GRAPH_CREDENTIAL=${String(s.SAMRAD_GRAPH_CREDENTIAL)}: ${why}`,
      });
  };
  const refuse = (key: GraphSettingKeys, why: string) => {
    if (s[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: why });
  };
  const kind = s.SAMRAD_GRAPH_CREDENTIAL;
  if (kind === undefined && (s.SAMRAD_SHAREPOINT_LISTS === 'on' || s.SAMRAD_SHAREPOINT_LISTS === 'true'))
    ctx.addIssue({
      code: 'custom',
      path: ['SAMRAD_SHAREPOINT_LISTS'],
      message:
        'the lists are on a SharePoint site: set SAMRAD_GRAPH_CREDENTIAL and SAMRAD_SHAREPOINT_SITE_ID too, or turn it off',
    });
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
function checkTables(
  s: Partial<Record<`SAMRAD_TABLES_${string}`, unknown>>,
  production: boolean,
  ctx: z.RefinementCtx,
): void {
  const issue = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
  if (s.SAMRAD_TABLES_CONNECTION_STRING !== undefined) {
    if (production)
      issue(
        'SAMRAD_TABLES_CONNECTION_STRING',
        'account keys are refused in production; set SAMRAD_TABLES_ENDPOINT and give the managed identity Storage Table Data Contributor',
      );
    else if (s.SAMRAD_TABLES_ENDPOINT !== undefined)
      issue('SAMRAD_TABLES_CONNECTION_STRING', 'set SAMRAD_TABLES_ENDPOINT or a connection string (Azurite), not both');
  }
  if (s.SAMRAD_TABLES_CLIENT_ID !== undefined && s.SAMRAD_TABLES_ENDPOINT === undefined)
    issue('SAMRAD_TABLES_CLIENT_ID', 'set SAMRAD_TABLES_ENDPOINT too, or remove it');
}
