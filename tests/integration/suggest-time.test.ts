import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { people } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';

// Monday 23 November 2026, 11:00 in Oslo. No tenant: free/busy comes from Samråd's own meetings.
const now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now } });
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const { say, press } = chatWith(() => bot);

describe('foreslå tid / suggest time', () => {
  it('proposes times when the board is free, around its meetings, and a time opens the new-meeting form', async () => {
    // The board meets all of Wednesday 25 November.
    const meeting = {
      body: 'styret',
      title: 'Budsjettseminar',
      date: '2026-11-25',
      startTime: '08:00',
      endTime: '16:00',
      online: 'true',
    };
    expect(await press(people.coordinator, 'meeting.create', meeting)).toContain('Budsjettseminar');

    const out = await say(people.coordinator, 'foreslå tid styret 2t 24.11.');
    expect(out).toContain('Ledige tider for Samarbeidsstyret');
    expect(out).toContain('2 timer, fra tirsdag 24. november 2026');
    expect(out).toContain('tirsdag 24. november 2026 kl. 08.00–10.00');
    expect(out).not.toContain('onsdag 25. november'); // the meeting takes the day
    expect(out).toContain('torsdag 26. november 2026 kl. 08.00–10.00');
    expect(out).toContain('"verb":"meeting.form"');
    expect(out).toContain('"date":"2026-11-26","startTime":"08:00","endTime":"10:00"');

    const form = await press(people.coordinator, 'meeting.form', {
      body: 'styret',
      date: '2026-11-26',
      startTime: '08:00',
      endTime: '10:00',
    });
    expect(form).toContain('"verb":"meeting.create"');
    expect(form).toContain('2026-11-26');
    expect(form).toContain('"value":"10:00"');
  });

  it('starts an hour from now when no date is given, and answers in English when asked in English', async () => {
    const out = await say(people.coordinator, 'suggest time board 90');
    expect(out).toContain('Free times for Samarbeidsstyret');
    expect(out).toContain('1 hour and 30 minutes, from Monday 23 November 2026');
    expect(out).toContain('Monday 23 November 2026 12:00–13:30'); // an hour's notice from 11:00 Oslo time
    expect(out).toContain('Tuesday 24 November 2026 08:00–09:30');
    expect(out).not.toContain('Wednesday 25 November'); // the board's seminar
  });

  it('bad input gets a clear message in the user’s language and nothing else', async () => {
    expect(await say(people.coordinator, 'foreslå tid')).toContain('Hvilket organ?');
    expect(await say(people.coordinator, 'foreslå tid Finnesikke')).toContain(
      'Jeg finner ikke noe organ som heter «Finnesikke»',
    );
    // A duration or date that does not read says what it takes, keeps what was understood, and gives the usage.
    expect(await say(people.coordinator, 'foreslå tid styret 2x')).toContain(
      '«2x» er ikke en varighet jeg forstår. Skriv for eksempel 90 (minutter), 2t, 1,5t eller 1:30, mellom 15 minutter og 8 timer. Jeg forstod: organ «styret».',
    );
    expect(await say(people.coordinator, 'suggest time board 12h')).toContain(
      '\\"12h\\" is not a duration I understand. Write for example 90 (minutes), 2h, 1.5h or 1:30',
    );
    expect(await say(people.coordinator, 'foreslå tid styret 2t fra 31.02.2027')).toContain(
      '«31.02.2027» er ikke en dato jeg forstår. Skriv for eksempel 1.12.2026 eller 2026-12-01.',
    );
    expect(await say(people.coordinator, 'suggest time board from 2026-13-01')).toContain(
      '\\"2026-13-01\\" is not a date I understand.',
    );
    expect(await say(people.coordinator, 'foreslå tid styret 2t 31.02.2027')).toContain(
      'Jeg forstod ikke «31.02.2027». Jeg forstod: organ «styret», varighet 120. Skriv slik: «foreslå tid [organ] [varighet] [fra dato]».',
    );
    expect(bot.connector.cards()).toEqual([]);
  });

  it('is for the coordinator only, also the button', async () => {
    expect(await say(people.boardMember, 'foreslå tid styret')).toContain('hører ikke til rollen din');
    expect(
      await press(people.boardMember, 'meeting.form', {
        body: 'styret',
        date: '2026-11-26',
        startTime: '08:00',
        endTime: '10:00',
      }),
    ).toContain('Bare koordinatoren');
  });
});
