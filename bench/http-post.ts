import { Agent, request, type IncomingMessage } from 'node:http';

/**
 * One keep-alive pool per bot, sized to the concurrency, so the figures measure the
 * bot's turn and not TCP handshakes (Teams' own service also reuses connections).
 */
export function keepAliveAgent(maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

/** POSTs JSON; `read` takes the response and settles the promise. */
export function postWith<T>(
  url: string,
  body: unknown,
  agent: Agent,
  timeoutMs: number,
  read: (res: IncomingMessage, resolve: (value: T) => void, reject: (error: Error) => void) => void,
): Promise<T> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
        timeout: timeoutMs,
      },
      (res) => read(res, resolve, reject),
    );
    // A hung bot must not hang the benchmark: fail this request and move on.
    req.on('timeout', () => req.destroy(new Error(`no response within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** POSTs JSON and resolves once the whole response has arrived; rejects on a non-200. */
export function postJson(url: string, body: unknown, agent: Agent, timeoutMs: number): Promise<void> {
  return postWith<undefined>(url, body, agent, timeoutMs, (res, resolve, reject) => {
    res.resume();
    res.on('error', reject);
    res.on('end', () =>
      res.statusCode === 200 ? resolve(undefined) : reject(new Error(`HTTP ${res.statusCode ?? '?'} from ${url}`)),
    );
  });
}
