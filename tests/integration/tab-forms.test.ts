import { describe, expect, it } from 'vitest';
import { tabUnderTest } from '../fixtures/tab-under-test';

const tab = tabUnderTest();
const { call } = tab;

const meeting = {
  body: 'styret',
  title: 'Ekstraordinært styremøte',
  date: '2026-12-17',
  startTime: '13:00',
  endTime: '14:00',
  place: '',
  online: 'true',
  notes: '',
};

describe("the dashboard's forms run the bot's card actions", () => {
  it('offers the bodies, their people and the municipalities to pick from, to coordinators only', async () => {
    expect((await call('respondent', 'forms')).status).toBe(403);
    const { status, body } = await call('coordinator', 'forms');
    expect(status).toBe(200);
    expect(body.bodies.map((b: { id: string }) => b.id)).toContain('styret');
    expect(body.municipalities.some((m: { name: string }) => m.name === 'Gol')).toBe(true);
    const styret = body.bodies.find((b: { id: string }) => b.id === 'styret');
    expect(styret.people.some((p: { name: string }) => p.name === 'Ingrid Haugen')).toBe(true);
  });

  it('plans a meeting: a bad time is refused beside the date, in the reader’s language, and nothing is stored', async () => {
    const before: number = (await call('coordinator', 'dashboard')).body.meetings.length;
    const nb = await call('coordinator', 'actions/meeting.create', { body: { ...meeting, date: '', actionId: 'm0' } });
    expect(nb.status).toBe(422);
    expect(nb.body).toMatchObject({ ok: false, field: 'date' });
    const en = await call('coordinator', 'actions/meeting.create', {
      body: { ...meeting, date: '', actionId: 'm0' },
      lang: 'en',
    });
    expect(en.body.field).toBe('date');
    expect(en.body.notice).not.toBe(nb.body.notice);
    const untitled = await call('coordinator', 'actions/meeting.create', {
      body: { ...meeting, title: ' ', actionId: 'm1' },
    });
    expect(untitled.body.field).toBe('title');
    const late = await call('coordinator', 'actions/meeting.create', {
      body: { ...meeting, endTime: '12:00', actionId: 'm2' },
    });
    expect(late.body.field).toBe('endTime');
    expect((await call('coordinator', 'dashboard')).body.meetings.length).toBe(before);

    const planned = await call('coordinator', 'actions/meeting.create', { body: { ...meeting, actionId: 'm3' } });
    expect(planned.status).toBe(200);
    const meetings = (await call('coordinator', 'dashboard')).body.meetings;
    expect(meetings.length).toBe(before + 1);
    expect(meetings.find((m: { title: string }) => m.title === meeting.title)).toMatchObject({ bodyId: 'styret' });
  });

  it('only a coordinator plans a meeting, adds a case or registers a hearing from the tab', async () => {
    for (const verb of ['meeting.create', 'agenda.add', 'hearing.register']) {
      const refused = await call('respondent', `actions/${verb}`, {
        body: { ...meeting, meetingId: tab.seed.meetingId },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.notice).toBeTruthy();
    }
    expect((await call('coordinator', 'dashboard')).body.meetings.some((m: { title: string }) => m.title === 'X')).toBe(
      false,
    );
  });

  it('adds a case to a meeting the dashboard shows: without a title refused beside it, then on the agenda', async () => {
    const refused = await call('coordinator', 'actions/agenda.add', {
      body: {
        meetingId: tab.seed.meetingId,
        title: '',
        proposal: 'Styret tar saken til orientering.',
        actionId: 'c1',
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.field).toBe('title');
    const added = await call('coordinator', 'actions/agenda.add', {
      body: {
        meetingId: tab.seed.meetingId,
        title: 'Årsmelding 2026',
        proposal: 'Styret tar saken til orientering.',
        actionId: 'c2',
      },
    });
    expect(added.status).toBe(200);
    const shown = (await call('coordinator', 'dashboard')).body.meetings.find(
      (m: { meetingId: string }) => m.meetingId === tab.seed.meetingId,
    );
    expect(shown.agenda.map((c: { title: string }) => c.title)).toContain('Årsmelding 2026');
  });

  it('registers a hearing: a deadline in the past is marked on the deadline, then the tracker shows it', async () => {
    const hearing = {
      title: 'Høring om samhandlingsavtale',
      issuer: 'Vestre Viken HF',
      externalDeadline: '2026-11-01',
      internalDeadline: '',
      documents: '',
      questions: '',
      municipalities: '',
      background: '',
      reminders: '5, 2, 0',
    };
    const past = await call('coordinator', 'actions/hearing.register', { body: { ...hearing, actionId: 'h1' } });
    expect(past.status).toBe(422);
    expect(past.body.field).toBe('externalDeadline');
    const unreadable = await call('coordinator', 'actions/hearing.register', {
      body: {
        ...hearing,
        externalDeadline: '2027-01-15',
        internalDeadline: 'snart',
        actionId: 'h2',
      },
    });
    expect(unreadable.body.field).toBe('internalDeadline');
    const registered = await call('coordinator', 'actions/hearing.register', {
      body: {
        ...hearing,
        externalDeadline: '2027-01-15',
        actionId: 'h3',
      },
    });
    expect(registered.status).toBe(200);
    const titles = (await call('coordinator', 'dashboard')).body.hearings.map((h: { title: string }) => h.title);
    expect(titles).toContain(hearing.title);
  });
});
