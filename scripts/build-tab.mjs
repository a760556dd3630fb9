// Builds the Teams tab (src/tab) into dist/tab with esbuild: hashed ES modules, the dashboard
// split into its own chunk, the tab's texts taken from locales/<locale>/*.json. Nothing at run
// time comes from a CDN. `npm run build` and `npm start` run it; prints the initial JS gzipped.
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'tab');

/** The catalogue keys the tab shows: its own and the positions and options it names. */
const prefixes = [
  'tab.',
  'input.position.',
  'hearing.position.',
  'vote.option.',
  'vote.outcome.',
  // The dashboard's forms are the bot's forms: the same labels.
  'meeting.form.',
  'agenda.form.',
  'hearing.form.',
  // The channel tab's decision register says what `vedtak` says.
  'decisions.minutes',
  'decisions.follow-up.',
];

function texts(locale) {
  const dir = join(root, 'locales', locale);
  const all = Object.assign(
    {},
    ...readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8'))),
  );
  return Object.fromEntries(Object.entries(all).filter(([k]) => prefixes.some((p) => k.startsWith(p))));
}

const textsPlugin = {
  name: 'samrad-texts',
  setup(b) {
    b.onResolve({ filter: /^samrad:texts$/ }, () => ({ path: 'texts', namespace: 'samrad' }));
    b.onLoad({ filter: /.*/, namespace: 'samrad' }, () => ({
      contents: JSON.stringify({ nb: texts('nb'), en: texts('en') }),
      loader: 'json',
    }));
  },
};

export async function buildTab({ quiet = false } = {}) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await build({
    entryPoints: {
      main: join(root, 'src/tab/main.tsx'),
      host: join(root, 'src/tab/host/host.ts'),
      'host-style': join(root, 'src/tab/host/host.css'),
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    target: ['chrome110', 'edge110', 'safari16', 'firefox115'],
    minify: true,
    jsx: 'automatic',
    outdir: out,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    metafile: true,
    absWorkingDir: root,
    legalComments: 'none',
    logLevel: quiet ? 'error' : 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: join(root, 'src/tab/tsconfig.json'),
    plugins: [textsPlugin],
  });
  const outputs = result.metafile.outputs;
  const entry = (name) =>
    basename(Object.keys(outputs).find((f) => outputs[f].entryPoint && basename(f).startsWith(`${name}-`)));
  const main = entry('main');
  writeFileSync(
    join(out, 'index.html'),
    readFileSync(join(root, 'src/tab/index.html'), 'utf8').replace('__ENTRY__', `/tab/${main}`),
  );
  writeFileSync(
    join(out, 'host.html'),
    readFileSync(join(root, 'src/tab/host/host.html'), 'utf8')
      .replace('__HOST__', entry('host'))
      .replace('__HOST_CSS__', entry('host-style')),
  );
  // What the personal tab loads before it shows anything: the entry and its static imports.
  const initial = new Set();
  const walk = (file) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const i of outputs[file].imports) if (i.kind === 'import-statement') walk(i.path);
  };
  walk(Object.keys(outputs).find((f) => basename(f) === main));
  const gzipped = [...initial].reduce((sum, f) => sum + gzipSync(readFileSync(join(root, f))).length, 0);
  const report = { initialJsGzipBytes: gzipped, files: [...initial].map((f) => basename(f)) };
  writeFileSync(join(out, 'build-report.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (!quiet)
    console.log(
      `Tab built into dist/tab: initial JS ${(gzipped / 1024).toFixed(1)} KB gzipped (${initial.size} files)`,
    );
  return report;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildTab();
