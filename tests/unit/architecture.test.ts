import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cyclesIn, importsOf, sourceFiles, srcRoot, type Import } from './architecture/import-graph';

// The layers (docs/architecture.md): domain ← ports ← app ← adapters ← composition root.
const files = sourceFiles().filter((f) => !f.startsWith('tab/')); // the tab is a browser bundle of its own
const imports: Import[] = sourceFiles().flatMap(importsOf);
const layerOf = (file: string) => file.split('/')[0]!.replace(/\.tsx?$/, '');
const adapterFolder = (file: string) => file.split('/').slice(0, 2).join('/');
const compositionRoot = (file: string) => !file.includes('/');
const show = (i: Import) => `${i.from} -> ${i.to ?? i.specifier}`;
const offenders = (rule: (i: Import) => boolean) => imports.filter(rule).map(show);

/**
 * Adapters every adapter may build on, because each is the one place for what it does:
 * - adapters/graph: the one Graph request module (tokens, `$batch`, paging, Retry-After) under
 *   the SharePoint store, the document library and the Graph calendar;
 * - adapters/signing-keys: the one cache of Microsoft's signing keys, for the bot's and the
 *   tab's token checks;
 * - adapters/teams-shared: what the two Teams adapters (Bot Framework SDK, Agents SDK) share and
 *   that needs neither SDK (turn errors, the tenant guard, the Bot Connector's token check).
 */
const sharedAdapters = ['adapters/graph', 'adapters/signing-keys', 'adapters/teams-shared'];

/** Ports may use node's hash (an event id from an idempotency key): computation, not I/O. */
const portPackages = ['node:crypto'];

/** Presentation and i18n read their own files (cards/, locales/) from the package. */
const packageFiles = 'package-root.ts';

describe('architecture', () => {
  it('the domain imports nothing outside itself: no I/O, no packages', () => {
    expect(offenders((i) => layerOf(i.from) === 'domain' && layerOf(i.to ?? '') !== 'domain')).toEqual([]);
  });

  it('ports import only the domain and other ports', () => {
    expect(
      offenders(
        (i) =>
          layerOf(i.from) === 'ports' &&
          !(i.to && ['domain', 'ports'].includes(layerOf(i.to))) &&
          !portPackages.includes(i.specifier),
      ),
    ).toEqual([]);
  });

  it('application services import the domain, ports, i18n and presentation, never an adapter or the root', () => {
    expect(
      offenders(
        (i) =>
          layerOf(i.from) === 'app' &&
          i.to !== undefined &&
          !['domain', 'ports', 'app', 'i18n', 'presentation'].includes(layerOf(i.to)),
      ),
    ).toEqual([]);
  });

  it('presentation and i18n reach only the domain, ports, each other and their own files', () => {
    expect(
      offenders(
        (i) =>
          ['presentation', 'i18n'].includes(layerOf(i.from)) &&
          i.to !== undefined &&
          i.to !== packageFiles &&
          !['domain', 'ports', 'presentation', 'i18n'].includes(layerOf(i.to)),
      ),
    ).toEqual([]);
  });

  it('an adapter reaches another adapter only through a port (or a shared adapter named above)', () => {
    expect(
      offenders(
        (i) =>
          layerOf(i.from) === 'adapters' &&
          i.to?.startsWith('adapters/') === true &&
          adapterFolder(i.to) !== adapterFolder(i.from) &&
          !sharedAdapters.includes(adapterFolder(i.to)),
      ),
    ).toEqual([]);
  });

  it('only adapters/teams imports the Bot Framework SDK (it reached end of support)', () => {
    expect(
      offenders((i) => /^(botbuilder|botframework-)/.test(i.specifier) && !i.from.startsWith('adapters/teams/')),
    ).toEqual([]);
  });

  it('only adapters/agents-sdk imports the Microsoft 365 Agents SDK', () => {
    expect(
      offenders((i) => i.specifier.startsWith('@microsoft/agents-') && !i.from.startsWith('adapters/agents-sdk/')),
    ).toEqual([]);
  });

  it('adapters/teams-shared needs neither Teams SDK nor any adapter but the signing keys: both Teams adapters build on it', () => {
    expect(
      offenders(
        (i) =>
          i.from.startsWith('adapters/teams-shared/') &&
          (/^(botbuilder|botframework-|@microsoft\/agents-)/.test(i.specifier) ||
            (i.to !== undefined &&
              layerOf(i.to) === 'adapters' &&
              !['adapters/teams-shared', 'adapters/signing-keys'].includes(adapterFolder(i.to)))),
      ),
    ).toEqual([]);
  });

  it('the composition root calls no Teams SDK itself: swapping the SDK touches only its adapter folder and the root’s choice', () => {
    const calls = files
      .filter(compositionRoot)
      .flatMap((f) =>
        [
          ...readFileSync(join(srcRoot, f), 'utf8').matchAll(
            /\.(onTurnError|use|process|continueConversationAsync)\s*[=(]/g,
          ),
        ].map((m) => `${f}: ${m[0]}`),
      );
    expect(calls).toEqual([]);
  });

  it('no import cycles, type-only imports included (a cycle makes load order matter and layers blur)', () => {
    const edges = new Map<string, string[]>();
    for (const i of imports) if (i.to) edges.set(i.from, [...(edges.get(i.from) ?? []), i.to]);
    expect(cyclesIn(edges).map((c) => c.join(' <-> '))).toEqual([]);
  });

  it('the cycle finder finds a cycle of two and of three, and none in a chain', () => {
    const graph = (pairs: [string, string][]) => {
      const m = new Map<string, string[]>();
      for (const [a, b] of pairs) m.set(a, [...(m.get(a) ?? []), b]);
      return m;
    };
    expect(
      cyclesIn(
        graph([
          ['a', 'b'],
          ['b', 'a'],
        ]),
      ),
    ).toEqual([['a', 'b']]);
    expect(
      cyclesIn(
        graph([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
          ['c', 'd'],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
    expect(
      cyclesIn(
        graph([
          ['a', 'b'],
          ['b', 'c'],
        ]),
      ),
    ).toEqual([]);
  });

  it('files stay small: none over 300 lines', () => {
    const long = sourceFiles()
      .filter((f) => f.endsWith('.ts'))
      .map((f) => [f, readFileSync(join(srcRoot, f), 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 300);
    expect(long).toEqual([]);
  });
});
