import { message, people } from '../tests/fixtures/activities';
import type { Person } from '../tests/fixtures/activities';

/**
 * The mix both bots are sent: everyday read-only commands, from the two registered
 * people in the fixtures, each in their own personal chat, as Teams would send them.
 */
const texts = ['hjelp', 'kommuner', 'styret', 'medlemmer osu'] as const;
const senders: readonly Person[] = [people.coordinator, people.boardMember];

export interface Request {
  /** The incoming activity's id: the connector sees it again as the reply's replyToId. */
  readonly id: string;
  readonly text: string;
  readonly activity: ReturnType<typeof message>;
}

export function request(i: number, serviceUrl: string): Request {
  const text = texts[i % texts.length]!;
  // Sender changes every full cycle of texts, so each person asks every command.
  const from = senders[Math.floor(i / texts.length) % senders.length]!;
  const activity = message(serviceUrl, from, text);
  return { id: activity.id, text, activity };
}

export const commandMix = texts.join(', ');
