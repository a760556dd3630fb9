import { sendBatched } from '../graph/graph-batch';
import type { GraphCall, GraphHttp, GraphReply } from '../graph/graph-client';
import type { ThrottlePolicy } from '../graph/throttling';

interface Waiting {
  readonly call: GraphCall;
  resolve(reply: GraphReply): void;
  reject(error: unknown): void;
}

/**
 * Gathers the calls made in one turn of the event loop and sends them together: a lone call
 * as itself, several in `$batch` requests of 20. A fan-out (356 `create`s under one
 * `Promise.all`) so takes 18 HTTP requests instead of 356, without the store port knowing.
 */
export class CallQueue {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(
    private readonly http: GraphHttp,
    private readonly policy: ThrottlePolicy,
  ) {}

  send(call: GraphCall): Promise<GraphReply> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ call, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    this.scheduled = false;
    try {
      const replies = await sendBatched(
        this.http,
        batch.map((w) => w.call),
        this.policy,
      );
      batch.forEach((w, i) => w.resolve(replies[i]!));
    } catch (e) {
      batch.forEach((w) => w.reject(e));
    }
  }
}
