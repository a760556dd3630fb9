import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from '../../log';

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly [key: string]: unknown;
}

/** The bot's web server: `/api/messages` for Teams, `/healthz` for App Service's health check. */
export function createHttpServer(
  adapter: CloudAdapter,
  bot: ActivityHandler,
  health: () => Promise<HealthReport>,
  log: Logger,
): restify.Server {
  const server = restify.createServer({ name: 'samrad', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get('/healthz', async (_req, res) => {
    const report = await health().catch((e: Error) => ({ status: 'degraded' as const, error: e.message }));
    res.json(report.status === 'ok' ? 200 : 503, report);
  });
  server.on('restifyError', (req, _res, err, callback) => {
    log.warn('http.error', { method: req.method, path: req.path(), status: (err as { statusCode?: number }).statusCode });
    return callback();
  });
  return server;
}
