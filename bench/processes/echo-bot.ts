/**
 * The baseline in its own process: the bare botbuilder echo bot (bench/echo-bot.ts) with
 * the one-line `adaptiveCard/action` handler, so one process answers both the chat and
 * the vote workload. Compiled and run under plain `node`, like the server it is compared with.
 */
import { startEchoBot } from '../echo-bot';

startEchoBot({ invokes: true }).then(
  (bot) => {
    process.stdout.write(`echo bot listening on ${bot.url}\n`);
    process.once('SIGTERM', () => void bot.close().then(() => process.exit(0)));
  },
  (e: unknown) => {
    process.stderr.write(`echo bot failed to start: ${String(e)}\n`);
    process.exit(1);
  },
);
