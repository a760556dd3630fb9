import type { Organisation } from '../../domain/organisation';
import { coordinators } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import { formatDateTime } from '../../i18n/dates';
import type { Logger } from '../../ports/logger';
import type { RecordStore } from '../../ports/record-store';
import { personalChats } from '../personal-chats';
import { text } from '../reply';
import { errorMessage } from './job';
import type { MessageSender } from './outbox';
import type { SchedulerIncident } from './scheduler-health';

export interface IncidentAlertDeps {
  readonly store: RecordStore;
  readonly sender: MessageSender;
  readonly organisation: () => Organisation;
  readonly t: Translator;
  readonly logger: Logger;
  /** How long one message may wait on Teams' limits before it is given up. */
  readonly waitAtMostMs?: number;
}

/**
 * Tells each coordinator, in their personal chat, that the scheduler stopped or runs again.
 * Straight through the sender, not the outbox: the outbox is what is down. One try per
 * coordinator; one who never opened a chat with the bot, or whose send fails, is logged.
 */
export function tellCoordinators(deps: IncidentAlertDeps): (incident: SchedulerIncident) => Promise<void> {
  return async (incident) => {
    const { t } = deps;
    const chats = await personalChats(deps.store);
    const since = formatDateTime(new Date(incident.since), t.locale);
    const at = formatDateTime(new Date(incident.at), t.locale);
    const message = text(
      t.t(incident.phase === 'started' ? 'jobs.incident.started' : 'jobs.incident.ended', { since, at }),
    );
    for (const coordinator of coordinators(deps.organisation())) {
      const conversationId = await chats.of(coordinator);
      if (!conversationId) {
        deps.logger.warn('scheduler.incident-not-told', {
          phase: incident.phase,
          memberId: coordinator.id,
          why: 'no personal chat',
        });
        continue;
      }
      try {
        const result = await deps.sender.send({
          conversationId,
          message,
          idempotencyKey: `scheduler-incident:${incident.since}:${incident.phase}:${coordinator.id}`,
          attempt: 1,
          leaseUntil: new Date(Date.parse(incident.at) + (deps.waitAtMostMs ?? 60_000)).toISOString(),
          recordSent: async () => {},
        });
        if ('undeliverable' in result)
          deps.logger.warn('scheduler.incident-not-told', {
            phase: incident.phase,
            memberId: coordinator.id,
            why: result.undeliverable,
          });
      } catch (e) {
        deps.logger.warn('scheduler.incident-not-told', {
          phase: incident.phase,
          memberId: coordinator.id,
          error: errorMessage(e),
        });
      }
    }
  };
}
