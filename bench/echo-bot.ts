import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } from 'botbuilder';
import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';

export interface EchoBot {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * With `invokes`, the one thing a bare ActivityHandler lacks for card buttons: an
 * `adaptiveCard/action` handler (the bare one answers 501 Not Implemented). It echoes the
 * verb back as a message response, with no store and no card: the floor for an invoke.
 */
class EchoInvokeHandler extends ActivityHandler {
  protected override async onAdaptiveCardInvoke(
    _context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: value.action.verb as unknown as Record<string, unknown>,
    };
  }
}

/**
 * The baseline: the smallest bot botbuilder allows, on the same HTTP stack as Samråd
 * (restify with its body parser, CloudAdapter without credentials), so the difference
 * between the two is what Samråd does in a turn.
 */
export async function startEchoBot(options: { invokes?: boolean } = {}): Promise<EchoBot> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = options.invokes ? new EchoInvokeHandler() : new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(MessageFactory.text(context.activity.text));
    await next();
  });

  const server = restify.createServer({ name: 'echo-bench', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}
