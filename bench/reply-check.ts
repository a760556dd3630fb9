import type { FakeConnector } from '../tests/fixtures/fake-connector';

/**
 * Every request must have produced exactly one reply, addressed to it (replyToId), and
 * nothing else may have reached the connector. A 200 alone is not enough: CloudAdapter
 * answers 200 even when the turn sent nothing.
 */
export function checkReplies(connector: FakeConnector, requestIds: readonly string[]): string[] {
  const problems: string[] = [];
  const replies = new Map<string, number>();
  for (const s of connector.sent) {
    const key = s.replyToId ?? '(no replyToId)';
    replies.set(key, (replies.get(key) ?? 0) + 1);
  }
  const asked = new Set(requestIds);
  for (const id of requestIds) {
    const n = replies.get(id) ?? 0;
    if (n !== 1) problems.push(`request ${id}: ${n} replies, expected 1`);
  }
  for (const [id, n] of replies)
    if (!asked.has(id)) problems.push(`${n} reply(ies) to ${id}, which was not sent in this run`);
  for (const call of connector.unexpected) problems.push(`unexpected connector call: ${call}`);
  return problems;
}
