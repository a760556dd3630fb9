import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bundledSchemaFile,
  commandLimits,
  commandListsOf,
  fillPlaceholders,
  manifestDir,
  packageApp,
  PackagingError,
  readAppValues,
  unicodeSafePattern,
  validateApp,
  type AppValues,
} from '../../scripts/package-app';
import { commandTable } from '../../src/app/commands/command-table';
import { loadMessages } from '../../src/i18n/catalogue';

type Json = Record<string, unknown>;
const values: AppValues = {
  TEAMS_APP_ID: '0d7c1b6e-3f2a-4c5d-9e8f-112233445566',
  BOT_ID: '6a1f0c2b-8d4e-4b3a-a5c6-778899aabbcc',
  BOT_DOMAIN: 'samrad-test.azurewebsites.net',
  APP_VERSION: '1.2.3',
};
const env = {
  TEAMS_APP_ID: values.TEAMS_APP_ID,
  MicrosoftAppId: values.BOT_ID,
  BOT_DOMAIN: values.BOT_DOMAIN,
  APP_VERSION: values.APP_VERSION,
};
const filled = (file: string) =>
  JSON.parse(fillPlaceholders(readFileSync(join(manifestDir, file), 'utf8'), values)) as Json;
const manifest = filled('manifest.json');
const english = filled('en.json');
const locale = (l: 'nb' | 'en') => loadMessages(l) as Record<string, string>;
const nb = locale('nb');
const en = locale('en');
const ids = commandTable()
  .filter((c) => c.inMenu !== false)
  .map((c) => c.id);
const lists = commandListsOf(manifest);
const clone = <T>(x: T): T => structuredClone(x);

// Compiling the official JSON schemas takes seconds of CPU; on a loaded two-core machine more than vitest's 5 s.
describe('Teams app manifest', { timeout: 30_000 }, () => {
  it('uses the newest released schema version @microsoft/app-manifest ships', () => {
    const versions = readdirSync(dirname(dirname(bundledSchemaFile('1.0', 'MicrosoftTeams'))))
      .map((d) => /^v(\d+)\.(\d+)$/.exec(d)) // vDevPreview is a preview, not a release
      .filter((m) => m !== null)
      .map((m) => [Number(m[1]), Number(m[2])] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const newest = versions.at(-1)!.join('.');
    expect(versions.length).toBeGreaterThan(20);
    expect(manifest.manifestVersion).toBe(newest);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`,
    );
  });

  it('is valid against the official schema, and so is en.json against the localization schema', async () => {
    expect(await validateApp(manifest, { 'en.json': english })).toEqual([]);
  });

  it('validation catches a broken manifest and a broken language file', async () => {
    const badManifest = clone(manifest);
    (badManifest.bots as Json[])[0]!.botId = 'not-a-guid';
    expect((await validateApp(badManifest, { 'en.json': english })).join('\n')).toMatch(
      /manifest\.json: \/bots\/0\/botId/,
    );
    const badEnglish = { ...english, 'name.short': 'x'.repeat(31) };
    expect((await validateApp(manifest, { 'en.json': badEnglish })).join('\n')).toMatch(/en\.json: \/name\.short/);
    const strayKey = { ...english, 'bots[0].commandLists[2].commands[11].title': 'ghost' };
    expect((await validateApp(manifest, { 'en.json': strayKey })).join('\n')).toMatch(/names no command/);
  });

  it('holds command text to the limits Teams documents', async () => {
    const long = clone(manifest);
    commandListsOf(long)[0]!.commands[0]!.title = 'x'.repeat(commandLimits.title + 1);
    expect((await validateApp(long, { 'en.json': english })).join('\n')).toMatch(/longer than 32/);
    for (const list of lists) {
      expect(list.commands.length).toBeLessThanOrEqual(commandLimits.commands);
      for (const c of list.commands) {
        expect(c.title.length).toBeLessThanOrEqual(commandLimits.title);
        expect((c.description ?? '').length).toBeLessThanOrEqual(commandLimits.description);
      }
    }
  });

  it('is a bot for personal chat, teams and group chats, with nb as the default language', () => {
    const bot = (manifest.bots as Json[])[0]!;
    expect(bot).toMatchObject({ botId: values.BOT_ID, supportsFiles: false, isNotificationOnly: false });
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(lists.map((l) => l.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'nb-NO',
      additionalLanguages: [{ languageTag: 'en', file: 'en.json' }],
    });
    expect(manifest.permissions).toEqual(['identity', 'messageTeamMembers']);
    expect(manifest).toMatchObject({
      id: values.TEAMS_APP_ID,
      version: values.APP_VERSION,
      validDomains: [values.BOT_DOMAIN],
    });
  });

  it('lists every command of the command table in the personal scope, in the same order', () => {
    const personal = lists.find((l) => l.scopes.includes('personal'))!;
    expect(personal.commands.map((c) => c.title)).toEqual(ids.map((id) => nb[`command.${id}.name`]));
  });

  it('has the catalogue words: nb in manifest.json, en in en.json, for every list', () => {
    lists.forEach((list, l) => {
      expect(list.commands).toEqual(
        ids.map((id) => ({ title: nb[`command.${id}.name`], description: nb[`command.${id}.description`] })),
      );
      ids.forEach((id, c) => {
        expect(english[`bots[0].commandLists[${l}].commands[${c}].title`]).toBe(en[`command.${id}.name`]);
        expect(english[`bots[0].commandLists[${l}].commands[${c}].description`]).toBe(en[`command.${id}.description`]);
      });
    });
  });
});

/** Width and height from a PNG's IHDR, after checking the signature. */
function pngSize(file: string) {
  const png = readFileSync(join(manifestDir, file));
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25] };
}

describe('app icons', () => {
  it('the colour icon is a 192x192 PNG', () => {
    expect(pngSize('color.png')).toMatchObject({ width: 192, height: 192 });
  });

  it('the outline icon is a 32x32 PNG with transparency', () => {
    // Colour type 6 is RGBA: the outline must be white on a transparent background.
    expect(pngSize('outline.png')).toEqual({ width: 32, height: 32, colourType: 6 });
  });
});

describe('placeholder values', () => {
  it('names every missing or malformed value', () => {
    const problems = (e: NodeJS.ProcessEnv) => {
      try {
        readAppValues(e);
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(PackagingError);
        return [...(error as PackagingError).problems];
      }
    };
    expect(problems(env)).toEqual([]);
    expect(problems({}).join('\n')).toMatch(
      /TEAMS_APP_ID is not set[\s\S]*BOT_ID \(or MicrosoftAppId\) is not set[\s\S]*BOT_DOMAIN is not set/,
    );
    expect(problems({ ...env, TEAMS_APP_ID: 'abc', BOT_DOMAIN: 'https://x.example/api' })).toEqual([
      expect.stringContaining('TEAMS_APP_ID is "abc"'),
      expect.stringContaining('BOT_DOMAIN is "https://x.example/api"'),
    ]);
  });

  it('prefers BOT_ID over MicrosoftAppId and defaults the version to package.json', () => {
    const other = '99999999-8888-4777-a666-555555555555';
    expect(readAppValues({ ...env, BOT_ID: other }).BOT_ID).toBe(other);
    expect(readAppValues({ ...env, APP_VERSION: '' }).APP_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('refuses a placeholder it has no value for', () => {
    expect(() => fillPlaceholders('{"x": "${{NOPE}}"}', values)).toThrow(/NOPE/);
  });

  it('repairs only the patterns the validator cannot compile, keeping their meaning', () => {
    expect(unicodeSafePattern('^a[0-9]]$')).toBe('^a[0-9]\\]$');
    expect(unicodeSafePattern('^a\\[\\b(1|2)\\b]$')).toBe('^a\\[\\b(1|2)\\b\\]$');
    expect(unicodeSafePattern('^[a-z]+$')).toBe('^[a-z]+$');
  });
});

/** The entries of a zip, read from its central directory and inflated. */
function unzip(zipFile: Buffer): Map<string, Buffer> {
  const end = zipFile.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = zipFile.readUInt16LE(end + 10);
  let at = zipFile.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zipFile.readUInt32LE(at)).toBe(0x02014b50);
    const [method, crc, size] = [
      zipFile.readUInt16LE(at + 10),
      zipFile.readUInt32LE(at + 16),
      zipFile.readUInt32LE(at + 20),
    ];
    const nameLength = zipFile.readUInt16LE(at + 28);
    const name = zipFile.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zipFile.readUInt32LE(at + 42);
    const start = local + 30 + zipFile.readUInt16LE(local + 26) + zipFile.readUInt16LE(local + 28);
    const body = zipFile.subarray(start, start + size);
    const data = method === 8 ? zlib.inflateRawSync(body) : Buffer.from(body);
    // zlib.crc32 (Node 20.15+) is an independent check of the writer's own CRC.
    const zcrc = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
    if (zcrc) expect(zcrc(data)).toBe(crc);
    out.set(name, data);
    at += 46 + nameLength + zipFile.readUInt16LE(at + 30) + zipFile.readUInt16LE(at + 32);
  }
  return out;
}

describe('npm run package', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'samrad-package-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes samrad.zip with the filled manifest, en.json and both icons at the root', async () => {
    const file = await packageApp({ env, outDir });
    expect(file).toBe(join(outDir, 'samrad.zip'));
    const entries = unzip(readFileSync(file));
    expect([...entries.keys()].sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    expect(JSON.parse(entries.get('manifest.json')!.toString('utf8'))).toEqual(manifest);
    expect(JSON.parse(entries.get('en.json')!.toString('utf8'))).toEqual(english);
    expect(entries.get('color.png')).toEqual(readFileSync(join(manifestDir, 'color.png')));
    expect(entries.get('outline.png')).toEqual(readFileSync(join(manifestDir, 'outline.png')));
    expect(entries.get('manifest.json')!.toString('utf8')).not.toContain('${{');
  });

  it('writes nothing when a value is missing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'samrad-package-'));
    await expect(packageApp({ env: { ...env, BOT_DOMAIN: '' }, outDir: empty })).rejects.toThrow(
      /BOT_DOMAIN is not set/,
    );
    expect(() => readFileSync(join(empty, 'samrad.zip'))).toThrow();
    rmSync(empty, { recursive: true, force: true });
  });
});
