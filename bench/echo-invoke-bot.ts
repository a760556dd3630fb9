import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import type { EchoBot } from './echo-bot';

/**
 * The echo bot of echo-bot.ts with the one thing a bare ActivityHandler lacks for card
 * buttons: an `adaptiveCard/action` handler (the bare one answers 501 Not Implemented).
 * It echoes the verb back as a message response, with no store and no card, so it is
 * the floor for an invoke on this HTTP stack.
 */
class EchoInvokeHandler extends ActivityHandler {
  protected override async onAdaptiveCardInvoke(_context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: (value.action.verb ?? '') as unknown as Record<string, unknown> };
  }
}

export async function startEchoInvokeBot(): Promise<EchoBot> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new EchoInvokeHandler();
  const server = restify.createServer({ name: 'echo-invoke-bench', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
