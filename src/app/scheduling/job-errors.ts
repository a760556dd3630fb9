import { PAYLOAD_INVALID } from './job-registry';

/**
 * A failed job's last error in words for the coordinator. `lastError` is the handler's or
 * the sender's message (no stack); it is read for a known cause and mapped to a catalogue key
 * (`jobs.error.<cause>`), never shown as it is. What is not recognised says so.
 */
export type JobErrorCause =
  | 'payload-invalid'
  | 'lease-expired'
  | 'blocked'
  | 'not-installed'
  | 'conversation-gone'
  | 'too-big'
  | 'too-large-record'
  | 'cannot-render'
  | 'no-conversation'
  | 'throttled'
  | 'locked'
  | 'store'
  | 'network'
  | 'service'
  | 'unknown';

/** First match wins: the more specific causes come before the general ones. */
const causes: readonly (readonly [JobErrorCause, RegExp])[] = [
  // The job's stored payload no longer fits its kind: first, since the issues it lists may read like other causes.
  ['payload-invalid', new RegExp(`^${PAYLOAD_INVALID.replace('.', '\\.')}\\b`)],
  ['lease-expired', /lease expired/i],
  // The store's own refusal of a record too large for it: before 413 and 'too big' (Teams' message size).
  ['too-large-record', /\bSTORE\.TOO_LARGE\b/],
  ['not-installed', /not installed/i],
  ['conversation-gone', /\b404\b|ConversationNotFound|conversation not found/i],
  ['too-big', /\b413\b|MessageSizeTooBig|too (big|large)/i],
  ['blocked', /\b403\b|blocked|uninstalled|forbidden/i],
  ['cannot-render', /cannot render|can not render|not a message the bot can render/i],
  ['no-conversation', /no stored reference/i],
  ['throttled', /\b429\b|throttl|too many requests|rate limit/i],
  ['locked', /\b423\b|\blocked\b/i],
  ['store', /\bSTORE\.[A-Z_]+/],
  ['network', /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|socket hang up|fetch failed|timed? ?out/i],
  ['service', /\b50[0-4]\b/],
];

export function jobErrorCause(lastError: string | undefined): JobErrorCause {
  if (!lastError) return 'unknown';
  return causes.find(([, pattern]) => pattern.test(lastError))?.[0] ?? 'unknown';
}
