import { randomUUID } from 'node:crypto';
import { INVOKE_RESPONSE_KEY } from '@microsoft/agents-hosting';
import type { TurnContext } from '@microsoft/agents-hosting';
import type { Catalogue } from '../../i18n/catalogue';
import { localeFrom } from '../../i18n/locale';
import type { Locale } from '../../i18n/locale';
import type { Logger } from '../../log';

/** A failed turn: logged with a correlation id the user also sees, never a stack trace (as adapters/teams). */
export function turnErrorHandler(catalogue: Catalogue, log: Logger, defaultLocale: Locale) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const correlationId = randomUUID().slice(0, 8);
    log.error('turn.failed', {
      correlationId,
      activityType: context.activity.type,
      conversationType: context.activity.conversation?.conversationType,
      error: error.message,
      stack: error.stack,
    });
    const t = catalogue.for(localeFrom(context.activity.locale, defaultLocale));
    if (context.activity.type === 'invoke') {
      const value = {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: t.t('error.apology', { correlationId }),
      };
      context.turnState.set(INVOKE_RESPONSE_KEY, { type: 'invokeResponse', value: { status: 200, body: value } });
      return;
    }
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity(t.t('error.apology', { correlationId }));
    } catch (sendError) {
      log.error('turn.apology-failed', { correlationId, error: (sendError as Error).message });
    }
  };
}
