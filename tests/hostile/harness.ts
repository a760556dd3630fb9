import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { cardAction, message, people, type Person, type Where } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';

/*
 * The standing hostile suite's harness. A case sends one or more requests as an attacker
 * would and states what a clear answer looks like; every case is then held to the same
 * rules: an answer in the person's language (or a 4xx), no internal text, the store's
 * records unchanged unless the case says otherwise, and the process still serving.
 */

export interface Answer {
  /** HTTP statuses of the requests, in order. */
  readonly statuses: number[];
  /** What came back: HTTP bodies and every message or card the bot sent. */
  readonly text: string;
}

export interface HostileCase {
  readonly name: string;
  readonly send: (h: Harness) => Promise<Answer>;
  /**
   * What a clear answer says (nb or en as the person wrote), a 4xx status, or silence: an
   * activity from outside the tenant gets no answer at all (nothing to learn from).
   */
  readonly expect: RegExp | { status: number } | 'silence';
  /** True when the request may rightly change the store (a refused part must still be checked by `then`). */
  readonly changes?: boolean;
  /** Extra checks after the case. */
  readonly then?: (h: Harness, answer: Answer) => Promise<void> | void;
}

/** Internal text a person must never see: stack frames, error names, paths, SQL, SDK names. */
export const INTERNAL =
  /\n\s+at |\bat (?:async )?[\w$.<>[\] ]+ \((?:file:|node:|\/)[^)]*\)|\b(Type|Reference|Syntax|Range)?Error:|node_modules|\/src\/|\/tmp\/|\.ts:\d+|\.js:\d+|SQLITE_|ECONNREFUSED|ENOENT|getaddrinfo|botbuilder|undefined is not|Cannot read prop/;

/** Teams refuses a message over about 28 KB (413 MessageSizeTooBig): Microsoft's figure, written here. */
export const TEAMS_MESSAGE_LIMIT = 28 * 1024;

/** Lists that change on any contact by design: where to reach a person, and their Teams name. */
const VOLATILE = new Set(['conversations', 'teamsUsers']);

/**
 * Runs every due job until none is left. A bot starts with work of its own due (today's
 * retention run); a case must not race it, or the store changes under the case's hash.
 */
export async function settleJobs(bot: BotUnderTest): Promise<void> {
  for (let pass = 0; pass < 100; pass++) {
    const summary = await bot.samrad.jobs.runDue();
    // The bot's own runner may hold a claim on one: wait for it to finish too.
    const claimed = await bot.samrad.store.find('jobs', { state: 'claimed' });
    // Coalesced card updates fall due up to 2 s after the change that scheduled them: wait for those too.
    const soon = new Date(Date.now() + 3_000).toISOString();
    const pending = (await bot.samrad.store.find<{ dueAt: string }>('jobs', { state: 'pending' }))
      .map((j) => j.value.dueAt)
      .filter((at) => at <= soon);
    if (claimed.length === 0 && pending.length === 0 && Object.values(summary).every((n) => n === 0)) return;
    const next = pending.length > 0 ? Math.max(20, Date.parse(pending.sort()[0]!) - Date.now()) : 20;
    await new Promise((r) => setTimeout(r, Math.min(next, 3_000)));
  }
}

export class Harness {
  /** Headers every request carries (a production-mode harness adds a valid token). */
  headers: () => Record<string, string> = () => ({});

  constructor(readonly bot: BotUnderTest) {}

  static async start(
    overrides: Parameters<typeof startBot>[0] = {},
    options: Parameters<typeof startBot>[1] = {},
  ): Promise<Harness> {
    const bot = await startBot(overrides, options);
    await settleJobs(bot);
    return new Harness(bot);
  }

  get url(): string {
    return this.bot.connector.url;
  }

  /** A hash of each list's records but the volatile lists': equal before and after means nothing changed. */
  storeHash(): Record<string, string> {
    const db = new Database(join(this.bot.dir, 'samrad.db'), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT list, id, version, value FROM records ORDER BY list, id').all() as {
        list: string;
        id: string;
      }[];
      const lists: Record<string, string> = {};
      for (const list of new Set(rows.map((r) => r.list).filter((l) => !VOLATILE.has(l)))) {
        lists[list] = createHash('sha256')
          .update(JSON.stringify(rows.filter((r) => r.list === list)))
          .digest('hex')
          .slice(0, 16);
      }
      return lists;
    } finally {
      db.close();
    }
  }

  async posts(...activities: object[]): Promise<Answer> {
    this.bot.connector.clear();
    const results = [];
    for (const a of activities) results.push(await this.bot.post(a, this.headers()));
    return {
      statuses: results.map((r) => r.status),
      text: [...results.map((r) => r.body), this.bot.connector.everything()].join('\n'),
    };
  }

  /** A GET as a browser would send it: a download link, tampered or not. */
  async get(url: string, init: RequestInit = {}): Promise<Answer> {
    this.bot.connector.clear();
    const res = await fetch(url, { redirect: 'manual', ...init });
    const type = res.headers.get('content-type') ?? '';
    // A document is binary; only a text answer is read as text.
    const body = /json|text|html|xml/.test(type) && !/officedocument|csv|markdown/.test(type) ? await res.text() : '';
    return { statuses: [res.status], text: body };
  }

  say(from: Person, text: string, where: Where = { kind: 'personal' }): Promise<Answer> {
    return this.posts(message(this.url, from, text, where));
  }

  press(from: Person, verb: string, data: object, where: Where = { kind: 'personal' }): Promise<Answer> {
    return this.posts(cardAction(this.url, from, verb, data, where));
  }

  /** The coordinator's `hjelp` still gets its help card (replaced where no reply can be sent). */
  stillServing = async (): Promise<void> => {
    const answer = await this.say(people.coordinator, 'hjelp');
    expect(answer.statuses).toEqual([200]);
    expect(this.bot.connector.cards().length, 'hjelp answered after the case').toBeGreaterThan(0);
  };

  stop(): Promise<void> {
    return this.bot.stop();
  }
}

/** Runs one case and holds it to the suite's rules. */
export async function runCase(h: Harness, c: HostileCase): Promise<void> {
  // Work the setup left (an archive, a coalesced card update) settles before the case, not during it.
  await settleJobs(h.bot);
  const before = h.storeHash();
  const answer = await c.send(h);
  if (c.expect === 'silence') {
    expect(
      answer.statuses.every((s) => s < 500),
      `statuses ${answer.statuses.join(',')}`,
    ).toBe(true);
    expect(h.bot.connector.sent, 'nothing sent to an outsider').toEqual([]);
    expect(answer.text.trim(), 'nothing answered to an outsider').toBe('');
  } else if (c.expect instanceof RegExp) {
    expect(
      answer.statuses.every((s) => s < 500),
      `statuses ${answer.statuses.join(',')}`,
    ).toBe(true);
    expect(answer.text).toMatch(c.expect);
  } else {
    expect(answer.statuses).toContain(c.expect.status);
  }
  expect(INTERNAL.exec(answer.text)?.[0] ?? null, 'internal text in the answer').toBeNull();
  // Whatever grew from hostile text still fits in one Teams message.
  for (const sent of h.bot.connector.sent)
    expect(Buffer.byteLength(JSON.stringify(sent.activity)), 'a sent message').toBeLessThan(TEAMS_MESSAGE_LIMIT);
  for (const body of answer.text.split('\n'))
    expect(Buffer.byteLength(body), 'an invoke answer').toBeLessThan(TEAMS_MESSAGE_LIMIT);
  if (!c.changes) expect(h.storeHash(), 'the store changed').toEqual(before);
  await c.then?.(h, answer);
  await h.stillServing();
}
