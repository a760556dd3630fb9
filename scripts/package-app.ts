// `npm run package`: fills the manifest's placeholders from the environment (or `.env`),
// validates the result offline against the schema `@microsoft/app-manifest` ships, and
// writes build/appPackage/samrad.zip for upload to Teams.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { zip, type ZipEntry } from './zip';

const root = join(__dirname, '..');
export const manifestDir = join(root, 'manifest');
export const defaultOutDir = join(root, 'build', 'appPackage');
export const packageName = 'samrad.zip';

/** The values the manifest templates take, by placeholder name. */
export interface AppValues {
  readonly TEAMS_APP_ID: string;
  readonly BOT_ID: string;
  readonly BOT_DOMAIN: string;
  readonly APP_VERSION: string;
}

export class PackagingError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Cannot build the Teams app package:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackagingError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;
// The schema's own semver pattern: three numbers, no pre-release tag.
const VERSION = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;

/** Reads the placeholder values, naming every one that is missing or malformed at once. */
export function readAppValues(env: NodeJS.ProcessEnv): AppValues {
  const get = (key: string) => (env[key]?.trim() ? env[key].trim() : undefined);
  const problems: string[] = [];
  const check = (label: string, value: string | undefined, pattern: RegExp, expected: string) => {
    if (value === undefined) problems.push(`${label} is not set; expected ${expected}`);
    else if (!pattern.test(value)) problems.push(`${label} is "${value}"; expected ${expected}`);
    return value ?? '';
  };
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const values: AppValues = {
    TEAMS_APP_ID: check('TEAMS_APP_ID', get('TEAMS_APP_ID'), GUID, 'a GUID, the Teams app id'),
    // The bot's id is the Bot Framework app id, which the server already knows as MicrosoftAppId.
    BOT_ID: check(
      'BOT_ID (or MicrosoftAppId)',
      get('BOT_ID') ?? get('MicrosoftAppId'),
      GUID,
      'a GUID, the bot registration id',
    ),
    BOT_DOMAIN: check(
      'BOT_DOMAIN',
      get('BOT_DOMAIN'),
      HOST,
      'a host name such as samrad.azurewebsites.net, without https:// or a path',
    ),
    APP_VERSION: check('APP_VERSION', get('APP_VERSION') ?? pkg.version, VERSION, 'a version like 1.2.3'),
  };
  if (problems.length > 0) throw new PackagingError(problems);
  return values;
}

/** Replaces every `${{NAME}}`; a placeholder without a value is an error, never left in the package. */
export function fillPlaceholders(template: string, values: AppValues): string {
  const unknown = new Set<string>();
  const filled = template.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => {
    const value = (values as unknown as Record<string, string | undefined>)[name];
    if (value === undefined) unknown.add(name);
    // Escaped as a JSON string body, since every template is JSON.
    return JSON.stringify(value ?? '').slice(1, -1);
  });
  if (unknown.size > 0)
    throw new PackagingError([...unknown].map((n) => `the manifest uses \${{${n}}}, which has no value`));
  return filled;
}

type Json = Record<string, unknown>;
type Schema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
type SchemaKind = 'MicrosoftTeams' | 'MicrosoftTeams.Localization';

/** The schema file `@microsoft/app-manifest` bundles for a manifest version; never fetched. */
export function bundledSchemaFile(manifestVersion: string, kind: SchemaKind): string {
  const dir = join(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');
  return join(dir, `v${manifestVersion}`, `${kind}.schema.json`);
}

/**
 * The validator compiles patterns with the `u` flag, under which a bare `]` is a syntax error;
 * v1.30's localization schema has two (`\b]` meaning a literal `]`). Escaping a bare `]`
 * keeps each pattern's meaning and lets the schema compile.
 */
export function unicodeSafePattern(pattern: string): string {
  try {
    new RegExp(pattern, 'u');
    return pattern;
  } catch {
    let out = '';
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
      const ch = pattern[i]!;
      if (ch === '\\') {
        out += ch + (pattern[++i] ?? '');
        continue;
      }
      if (ch === '[') inClass = true;
      else if (ch === ']' && inClass) inClass = false;
      else if (ch === ']') {
        out += '\\]';
        continue;
      }
      out += ch;
    }
    return out;
  }
}

function withUnicodeSafePatterns(node: unknown, key = ''): unknown {
  if (Array.isArray(node)) return node.map((n) => withUnicodeSafePatterns(n));
  if (node === null || typeof node !== 'object')
    return key === 'pattern' && typeof node === 'string' ? unicodeSafePattern(node) : node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      key === 'patternProperties' ? unicodeSafePattern(k) : k,
      withUnicodeSafePatterns(v, key === 'patternProperties' ? '' : k),
    ]),
  );
}

async function schemaProblems(doc: Json, manifestVersion: string, kind: SchemaKind, label: string): Promise<string[]> {
  const file = bundledSchemaFile(manifestVersion, kind);
  if (!existsSync(file))
    return [`${label}: @microsoft/app-manifest has no ${kind} schema for version ${manifestVersion}`];
  const problems: string[] = [];
  if (typeof doc.$schema !== 'string' || !doc.$schema.includes(`/v${manifestVersion}/${kind}.schema.json`)) {
    problems.push(`${label}: $schema should name the v${manifestVersion} ${kind} schema, not ${String(doc.$schema)}`);
  }
  const schema = withUnicodeSafePatterns(JSON.parse(readFileSync(file, 'utf8'))) as Schema;
  const errors = await AppManifestUtils.validateAgainstSchema(doc as never, schema);
  return [...problems, ...errors.map((e) => `${label}: ${e}`)];
}

// Teams documents tighter limits for bot commands than the schema enforces; the client cuts
// longer text, so hold the manifest to the documented ones.
export const commandLimits = { commands: 10, title: 32, description: 128 } as const;

interface CommandList {
  scopes: string[];
  commands: { title: string; description?: string }[];
}
export const commandListsOf = (manifest: Json): CommandList[] =>
  (manifest.bots as { commandLists?: CommandList[] }[] | undefined)?.[0]?.commandLists ?? [];

function limitProblems(manifest: Json, localizations: Readonly<Record<string, Json>>): string[] {
  const problems: string[] = [];
  const lists = commandListsOf(manifest);
  const checkText = (where: string, field: 'title' | 'description', text: unknown) => {
    if (typeof text === 'string' && text.length > commandLimits[field]) {
      problems.push(`${where}: ${field} "${text}" is longer than ${commandLimits[field]} characters`);
    }
  };
  lists.forEach((list, l) => {
    if (list.commands.length > commandLimits.commands) {
      problems.push(
        `manifest.json: command list ${l} (${list.scopes.join(', ')}) has more than ${commandLimits.commands} commands`,
      );
    }
    list.commands.forEach((c) =>
      (['title', 'description'] as const).forEach((f) => checkText(`manifest.json commandLists[${l}]`, f, c[f])),
    );
  });
  for (const [file, strings] of Object.entries(localizations)) {
    for (const [key, text] of Object.entries(strings)) {
      const m = /^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.(title|description)$/.exec(key);
      if (!m) continue;
      // A translation for a command that is gone would show a stale command in that language.
      if (!lists[Number(m[1])]?.commands[Number(m[2])])
        problems.push(`${file}: ${key} names no command in manifest.json`);
      checkText(`${file} ${key}`, m[3] as 'title' | 'description', text);
    }
  }
  return problems;
}

/** Everything wrong with a filled manifest and its language files; empty when Teams should accept them. */
export async function validateApp(manifest: Json, localizations: Readonly<Record<string, Json>>): Promise<string[]> {
  const version = String(manifest.manifestVersion);
  const problems = await schemaProblems(manifest, version, 'MicrosoftTeams', 'manifest.json');
  for (const [file, strings] of Object.entries(localizations)) {
    problems.push(...(await schemaProblems(strings, version, 'MicrosoftTeams.Localization', file)));
  }
  return [...problems, ...limitProblems(manifest, localizations)];
}

/** The language files the manifest names; they go into the package beside it. */
export const languageFilesOf = (manifest: Json): string[] =>
  (
    (manifest.localizationInfo as { additionalLanguages?: { file: string }[] } | undefined)?.additionalLanguages ?? []
  ).map((l) => l.file);

export interface PackageOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly sourceDir?: string;
  readonly outDir?: string;
}

/** Builds and validates the package; returns the path of the zip it wrote. */
export async function packageApp({
  env = process.env,
  sourceDir = manifestDir,
  outDir = defaultOutDir,
}: PackageOptions = {}): Promise<string> {
  const values = readAppValues(env);
  const filled = (file: string) => fillPlaceholders(readFileSync(join(sourceDir, file), 'utf8'), values);
  const manifestText = filled('manifest.json');
  const manifest = JSON.parse(manifestText) as Json;
  const languages = Object.fromEntries(languageFilesOf(manifest).map((f) => [f, filled(f)]));
  const icons = manifest.icons as { color: string; outline: string };

  const problems = await validateApp(
    manifest,
    Object.fromEntries(Object.entries(languages).map(([f, t]) => [f, JSON.parse(t) as Json])),
  );
  if (problems.length > 0) throw new PackagingError(problems);

  const entries: ZipEntry[] = [
    { name: 'manifest.json', data: Buffer.from(manifestText, 'utf8') },
    ...Object.entries(languages).map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') })),
    ...[icons.color, icons.outline].map((name) => ({ name, data: readFileSync(join(sourceDir, name)) })),
  ];
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, packageName);
  writeFileSync(file, zip(entries));
  return file;
}

async function main(): Promise<void> {
  const dotenv = join(process.cwd(), '.env');
  // Like the server: a `.env` fills only what the environment lacks.
  if (existsSync(dotenv)) process.loadEnvFile(dotenv);
  const file = await packageApp();
  console.log(`Wrote ${relative(process.cwd(), file)}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof PackagingError ? error.message : error);
    process.exitCode = 1;
  });
}
