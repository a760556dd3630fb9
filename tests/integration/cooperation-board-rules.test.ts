import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installation, message, people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';

let now = new Date('2026-12-02T10:00:00Z');
const clock = { now: () => now };
let bot: BotUnderTest;

beforeAll(async () => {
  bot = await startBot({}, { clock });
  await post(installation(bot.connector.url, people.coordinator));
});
afterAll(async () => {
  await bot.stop();
});

const post = async (activity: object) => {
  const res = await bot.post(activity);
  expect(res.status).toBe(200);
};
const say = async (from: Person, text: string, locale?: string) => {
  bot.connector.clear();
  await post(message(bot.connector.url, from, text, { kind: 'personal', ...(locale && { locale }) }));
  return bot.connector.texts().join('\n');
};
const runDue = async () => {
  await bot.samrad.jobs.runDue(now);
  await bot.samrad.jobs.runDue(now);
};
const prompts = (words: string) =>
  bot.connector.sent.filter(
    (s) => s.conversationId === `a:personal-${people.coordinator.id}` && (s.activity.text ?? '').includes(words),
  );

describe("the board's own rules over HTTP", () => {
  it('sjekk styret: the terms ending 31.12.2026 and a year without four board meetings', async () => {
    const out = await say(people.coordinator, 'sjekk styret');
    expect(out).toContain('Perioden til Ola Berg slutter 31.12.2026.');
    expect(out).toContain('Ingen styremøter er planlagt i 2026; styret skal møtes minst 4 ganger i året.');
  });

  it('check board, in English', async () => {
    const out = await say(people.boardMember, 'check board', 'en-US');
    expect(out).toContain('The term of Ola Berg ends on 31 Dec 2026.');
  });

  it('a file out of line with the rules is loaded all the same, with the warnings', async () => {
    const file = bot.organisationFile;
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '{ body: styret, role: member, municipality: "3332"',
        '{ body: styret, role: member, municipality: "3312"',
      ),
    );
    const out = await say(people.coordinator, 'last organisasjon');
    expect(out).toContain('Organisasjonen er lest inn på nytt');
    expect(out).toContain('Midt-Buskerud har ingen representant i styret.');
    expect(out).toContain('Bare 1 av styremedlemmene er fra små kommuner; avtalen sier minst 2.');
    expect(await say(people.coordinator, 'sjekk styret')).toContain('Drammensområdet har 2 representanter i styret');
  });

  it('the morning check prompts the coordinator once for each ending term and once for the year', async () => {
    now = new Date('2026-12-03T07:05:00Z'); // 08.05 in Oslo
    bot.connector.clear();
    await runDue();
    expect(prompts('Styreperioden til Ola Berg slutter 31.12.2026')).toHaveLength(1);
    expect(prompts('Det er planlagt ingen styremøter i 2026')).toHaveLength(1);
    now = new Date('2026-12-04T07:05:00Z');
    await runDue();
    expect(prompts('Styreperioden til Ola Berg slutter 31.12.2026')).toHaveLength(1);
    expect(prompts('Det er planlagt ingen styremøter i 2026')).toHaveLength(1);
  });
});
