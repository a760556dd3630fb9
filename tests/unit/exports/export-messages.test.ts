import { describe, expect, it } from 'vitest';
import { basisDocument } from '../../../src/app/exports/basis-document';
import { renderMarkdown } from '../../../src/app/exports/markdown';
import { minutesDocument } from '../../../src/app/exports/minutes-document';
import { jointStatementDocument } from '../../../src/app/exports/joint-statement';
import { compileJointStatement } from '../../../src/domain/hearing-statement';
import { answered, hearing, org as hearingOrg } from '../hearings/hearing-fixtures';
import { summarizeInput } from '../../../src/domain/input-summary';
import { draftMinutes } from '../../../src/domain/minutes';
import { amendMinutes, approveMinutes } from '../../../src/domain/minutes-approval';
import type { Locale } from '../../../src/i18n/locale';
import { exportMessages, strictTranslator } from './export-messages';
import { heldWithMinutes, inputSummary, must, nextMeeting, org, plannedMeeting, request } from './export-fixtures';

/** Renders every state the exports know, in one locale, and returns the message keys asked for. */
function keysUsed(locale: Locale): string[] {
  const used = new Set<string>();
  const t = strictTranslator(locale, used);
  const planned = plannedMeeting();
  const { place: _place, ...teamsOnly } = planned;
  for (const summary of [inputSummary(planned), summarizeInput(planned, request, [])]) {
    renderMarkdown(basisDocument({ org, meeting: planned, request, summary }, t));
  }
  renderMarkdown(basisDocument({ org, meeting: teamsOnly, request, summary: inputSummary(planned) }, t));
  // Everyone answered: the sentence that replaces the list of the silent.
  const all = { ...request, municipalities: ['3305', '3310', '3301'] };
  renderMarkdown(
    basisDocument(
      {
        org,
        meeting: planned,
        request: all,
        summary: {
          ...inputSummary(planned),
          notAnswered: [],
          items: inputSummary(planned).items.map((i) => ({ ...i, notAnswered: [] })),
        },
      },
      t,
    ),
  );

  const { meeting, minutes } = heldWithMinutes();
  const next = nextMeeting(meeting);
  const approved = must(approveMinutes(minutes, meeting, { meeting: next.id }, new Date('2026-06-04T09:00:00Z')));
  const byMembers = must(approveMinutes(minutes, meeting, { members: ['kari'] }, new Date('2026-06-04T09:00:00Z')));
  const amended = must(
    amendMinutes(
      approved,
      meeting,
      { content: approved.content, by: 'koord', reason: 'Skrivefeil' },
      new Date('2026-06-05T09:00:00Z'),
    ),
  );
  // A proposal from someone with no seat on the body (the coordinator) is listed under "others".
  const items = minutes.content.items.map((i) =>
    i.itemId === 'i3' ? { ...i, proposals: [{ by: 'koord', text: 'Felles rutine' }] } : i,
  );
  const withOutsider = { ...minutes, content: { ...minutes.content, items } };
  for (const m of [minutes, must(draftMinutes(meeting, org, [])), approved, byMembers, amended, withOutsider]) {
    renderMarkdown(minutesDocument({ org, meeting, minutes: m, meetings: [meeting, next] }, t));
  }
  renderMarkdown(minutesDocument({ org, meeting, minutes: approved }, t));
  const h = hearing();
  for (const responses of [answered(), []])
    renderMarkdown(jointStatementDocument(hearingOrg, h, compileJointStatement(h, responses), t));
  return [...used].sort();
}

describe('the export messages', () => {
  it.each(['nb', 'en'] as const)('in %s: every message is used, and every message used exists', (locale) => {
    expect(keysUsed(locale)).toEqual(Object.keys(exportMessages[locale]).sort());
  });

  it('say the same things in both languages', () => {
    expect(Object.keys(exportMessages.en).sort()).toEqual(Object.keys(exportMessages.nb).sort());
  });
});
