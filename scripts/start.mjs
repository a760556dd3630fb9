// `npm start`: the bot on the embedded store and the Microsoft 365 Agents Playground
// (a local Teams client) beside it. `npm start -- --as respondent` to be someone else.
import { people, startBot, startPlayground, stopProcess } from './playground/processes.mjs';
import { buildTab } from './build-tab.mjs';

const asIndex = process.argv.indexOf('--as');
const person = asIndex >= 0 ? process.argv[asIndex + 1] : 'coordinator';
if (!people.includes(person)) {
  console.error(`Unknown person "${person}". Choose one of: ${people.join(', ')}`);
  process.exit(2);
}
const port = Number(process.env.PORT || 3978);
const playgroundPort = Number(process.env.PLAYGROUND_PORT || 56150);

// The tab is served from dist/tab; esbuild takes a second or two.
await buildTab({ quiet: true });
const bot = startBot({ port, echo: true });
const children = [bot.child];
const stopAll = async (code) => {
  await Promise.all(children.map((c) => stopProcess(c)));
  process.exit(code);
};
process.once('SIGINT', () => void stopAll(0));
process.once('SIGTERM', () => void stopAll(0));

try {
  const [, botUrl] = await bot.started;
  const playground = startPlayground({
    person,
    port: playgroundPort,
    botUrl,
    echo: process.env.SAMRAD_PLAYGROUND_LOG === '1',
  });
  children.push(playground.child);
  const [, actualPort] = await playground.started;
  // If either stops, stop the other too, and say why rather than leave half a demo.
  for (const [name, started] of [
    ['bot', bot],
    ['playground', playground],
  ]) {
    started.child.once('exit', (code) => {
      console.error(
        `The ${name} stopped (exit ${code}). Its last output:\n${started.output().split('\n').slice(-15).join('\n')}`,
      );
      void stopAll(code ?? 1);
    });
  }
  console.log(`
  Samråd is running (local mode, embedded store).
    Bot:                ${botUrl}
    Agents Playground:  http://localhost:${actualPort}   (you are: ${person})
    Tab (local host):   ${new URL(botUrl).origin}/tab-host/?as=${person}
  Open the playground in a browser and type "hjelp". Ctrl+C stops both.
`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
}
