import type { Agent } from 'node:http';
import { postWith } from '../http-post';

export interface Answer {
  readonly status: number;
  readonly body: string;
  /** The body parsed, when it is JSON. */
  readonly json: unknown;
}

/** POSTs JSON and resolves with the whole answer: an invoke's response is its result. */
export function postForAnswer(url: string, body: unknown, agent: Agent, timeoutMs: number): Promise<Answer> {
  return postWith<Answer>(url, body, agent, timeoutMs, (res, resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('error', reject);
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      resolve({ status: res.statusCode ?? 0, body: text, json });
    });
  });
}
