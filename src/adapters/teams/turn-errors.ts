import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Catalogue } from '../../i18n/catalogue';
import { localeFrom } from '../../i18n/locale';
import type { Locale } from '../../i18n/locale';
import type { Logger } from '../../log';

/**
 * A failed turn is logged with a correlation id the user also sees, so the
 * secretariat can find it; the user never sees a stack trace.
 */
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
    if (context.activity.type !== 'message') return;
    const t = catalogue.for(localeFrom(context.activity.locale, defaultLocale));
    try {
      await context.sendActivity(t.t('error.apology', { correlationId }));
    } catch (sendError) {
      log.error('turn.apology-failed', { correlationId, error: (sendError as Error).message });
    }
  };
}
