import type { GraphReply } from '../graph/graph-client';
import type { StoreErrorCode } from '../../ports/record-store';
import { RECORD_COLUMNS } from './records-list';

/** SharePoint's text columns: a single line holds 255 characters, multiple lines 63,999. */
const SINGLE_LINE = 255;
const MULTI_LINE = 63_999;

const limitOf = (field: string): number | undefined => {
  if (field === 'Title') return SINGLE_LINE;
  const column = RECORD_COLUMNS.find((c) => c.name === field);
  return column && (column.multiline ? MULTI_LINE : SINGLE_LINE);
};

/** The field we sent that is longer than its column takes, if any. */
export function oversizedField(fields: Readonly<Record<string, unknown>> | undefined): string | undefined {
  return Object.entries(fields ?? {}).find(
    ([name, value]) => typeof value === 'string' && value.length > (limitOf(name) ?? Infinity),
  )?.[0];
}

/**
 * SharePoint's refusal of a query over the list view threshold: a 500 naming
 * `SPQueryThrottledException` or saying "exceeds the list view threshold". Waiting does not
 * help; only a more selective first indexed clause does.
 */
export function isThresholdRefusal(reply: GraphReply): boolean {
  const error = (
    reply.body as { error?: { code?: string; message?: string; innerError?: { code?: string } } } | undefined
  )?.error;
  const words = `${error?.code ?? ''} ${error?.message ?? ''} ${error?.innerError?.code ?? ''}`;
  return reply.status >= 500 && /SPQueryThrottledException|list view threshold/i.test(words);
}

/**
 * The port's code for a reply that is not what was asked: what trying again cannot mend is
 * TOO_LARGE or REJECTED, so a job fails with the reason instead of retrying a 400 for ever;
 * throttling and outages stay UNAVAILABLE.
 */
export function refusalCode(reply: GraphReply, sent?: Readonly<Record<string, unknown>>): StoreErrorCode {
  if (reply.status === 413) return 'STORE.TOO_LARGE';
  if (reply.status === 400) return oversizedField(sent) ? 'STORE.TOO_LARGE' : 'STORE.REJECTED';
  if (isThresholdRefusal(reply)) return 'STORE.REJECTED';
  return 'STORE.UNAVAILABLE';
}

/** What SharePoint said, for the cause of the port's error: status, code and message. */
export function refusalText(reply: GraphReply, sent?: Readonly<Record<string, unknown>>): string {
  const error = (reply.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  const field = reply.status === 400 || reply.status === 413 ? oversizedField(sent) : undefined;
  const size = field
    ? ` (${field} holds ${String(sent![field]).length} characters; the column takes ${limitOf(field)})`
    : '';
  return `Graph answered ${reply.status} ${error?.code ?? ''}: ${error?.message ?? ''}${size}`
    .replace(/\s+/g, ' ')
    .trim();
}
