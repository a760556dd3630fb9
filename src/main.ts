import { OrganisationFileError } from './app/organisation-registry';
import { ConfigError, readConfig } from './config';
import { composeSamrad } from './compose';
import { createLogger } from './log';

async function main(): Promise<void> {
  const config = readConfig();
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

main().catch((error: unknown) => {
  // Configuration and organisation faults are the operator's to fix: say what, not a stack.
  if (error instanceof ConfigError || error instanceof OrganisationFileError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Samråd failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
