import { OrganisationFileError } from './app/organisation-registry';
import { ConfigError, readConfig, type Config } from './config';
import { composeSamrad } from './compose';
import { createLogger } from './log';
import { StartupFault } from './startup-fault';

let config: Config | undefined;

async function main(): Promise<void> {
  config = readConfig();
  const log = createLogger(config.logLevel);
  const samrad = await composeSamrad(config, { log });
  const url = await samrad.listen();
  process.stdout.write(`Samråd bot listening on ${url} (${config.mode} mode)\n`);
  const stop = async (signal: string) => {
    log.info('server.stopping', { signal });
    await samrad.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

/** What the operator reads when the server cannot start: a sentence, a stack only for the unforeseen. */
function startFailure(error: unknown): string {
  // Configuration, organisation and store faults are the operator's to fix: say what, not where in the code.
  if (error instanceof ConfigError || error instanceof OrganisationFileError || error instanceof StartupFault)
    return error.message;
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    const where = `${config?.host ?? ''}:${config?.port ?? ''}`;
    return `Samråd cannot start: PORT ${where} ${code === 'EADDRINUSE' ? 'is in use by another process; stop it or set PORT to a free port' : 'may not be opened by this user; set PORT above 1023'}.`;
  }
  return `Samråd failed to start: ${(error as Error).stack ?? String(error)}`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${startFailure(error)}\n`);
  process.exit(1);
});
