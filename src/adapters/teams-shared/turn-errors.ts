import { randomUUID } from 'node:crypto';
import type { Catalogue } from '../../i18n/catalogue';
import { localeFrom } from '../../i18n/locale';
import type { Locale } from '../../i18n/locale';
import type { Logger } from '../../log';
import type { InvokeResponseKey, Turn } from './turn';

/**
 * A failed turn is logged with a correlation id the user also sees, so the
 * secretariat can find it; the user never sees a stack trace. On either SDK.
 */
export function turnErrorHandler(
  catalogue: Catalogue,
  log: Logger,
  defaultLocale: Locale,
  invokeResponseKey: InvokeResponseKey,
) {
  return async (context: Turn, error: Error): Promise<void> => {
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
      // A card button still gets an answer: the apology, shown to the person who pressed.
      const value = {
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: t.t('error.apology', { correlationId }),
      };
      context.turnState.set(invokeResponseKey, { type: 'invokeResponse', value: { status: 200, body: value } });
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
