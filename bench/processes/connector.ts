/**
 * The fake Bot Framework connector (tests/fixtures/fake-connector.ts) in its own process,
 * with a second, control port the load generator asks after each run: how many replies
 * arrived for each incoming activity, and what reached the connector unexpectedly. Taking
 * the counts clears the recording, so the process's memory stays bounded to one run.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeConnector } from '../../tests/fixtures/fake-connector';

export interface ReplyCounts {
  /** Replies (message posts) by the replyToId they answer. */
  readonly replies: Record<string, number>;
  readonly updates: number;
  readonly unexpected: string[];
}

async function main(): Promise<void> {
  const connector = new FakeConnector();
  const url = await connector.start();
  const control = createServer((req, res) => {
    if (req.url !== '/take') {
      res.writeHead(404).end();
      return;
    }
    const replies: Record<string, number> = {};
    for (const s of connector.sent) {
      const key = s.replyToId ?? '(no replyToId)';
      replies[key] = (replies[key] ?? 0) + 1;
    }
    const counts: ReplyCounts = { replies, updates: connector.updated.length, unexpected: [...connector.unexpected] };
    connector.clear();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(counts));
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const controlUrl = `http://127.0.0.1:${(control.address() as AddressInfo).port}/take`;
  process.stdout.write(`connector listening on ${url} control ${controlUrl}\n`);
  process.once(
    'SIGTERM',
    () => void Promise.all([connector.stop(), new Promise((r) => control.close(r))]).then(() => process.exit(0)),
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`connector failed to start: ${String(e)}\n`);
  process.exit(1);
});
