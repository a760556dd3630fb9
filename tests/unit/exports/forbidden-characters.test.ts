import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/adapters/docx/docx-renderer';
import { basisDocument } from '../../../src/app/exports/basis-document';
import { withoutForbiddenCharacters } from '../../../src/app/exports/document-text';
import { jointStatementDocument } from '../../../src/app/exports/joint-statement';
import { renderMarkdown } from '../../../src/app/exports/markdown';
import { compileJointStatement } from '../../../src/domain/hearing-statement';
import type { HearingResponse } from '../../../src/domain/hearing-response';
import { respondToHearing } from '../../../src/domain/hearing-response';
import type { InputAnswer } from '../../../src/domain/input';
import { giveInput } from '../../../src/domain/input';
import { summarizeInput } from '../../../src/domain/input-summary';
import { hearing, now, org as hearingOrg, submission } from '../hearings/hearing-fixtures';
import { strictTranslator } from './export-messages';
import { must, org, plannedMeeting, request } from './export-fixtures';
import { documentXml, paragraphs, strictXmlProblem, unzip } from './read-docx';

/** Each of these makes a Word file invalid when written as is (XML 1.0, section 2.2). */
const CONTROLS = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\ufffe', '\uffff'];
/** Lone surrogates: a high one with no low one after it, a low one with no high one before. */
const hostile = `Vi\ud800 støtter${CONTROLS.join('')} forslaget.\udfff`;
const wellFormed = (xml: string) => XMLValidator.validate(xml) as true | { err: { msg: string } };

async function expectStrictDocx(file: Buffer): Promise<void> {
  const parts = [...unzip(file)].filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'));
  expect(parts.length).toBeGreaterThan(0);
  for (const [name, bytes] of parts) {
    const xml = bytes.toString('utf8');
    expect({ name, problem: strictXmlProblem(xml, wellFormed) }).toEqual({ name, problem: undefined });
    // A lone surrogate written as UTF-8 comes out as U+FFFD: dropped, not replaced.
    expect(xml.includes('\ufffd')).toBe(false);
  }
}

describe('the characters XML 1.0 forbids', () => {
  it('are dropped, and the rest kept: tab, line breaks, letters, emoji and pairs of surrogates', () => {
    expect(withoutForbiddenCharacters(hostile)).toBe('Vi støtter forslaget.');
    expect(withoutForbiddenCharacters('a\tb\nc\r\nø 👍 \u007f')).toBe('a\tb\nc\r\nø 👍 \u007f');
  });

  it('the check itself refuses them (so the tests below can fail)', () => {
    expect(strictXmlProblem(`<a>\uffff</a>`, wellFormed)).toMatch(/U\+FFFF/);
    expect(strictXmlProblem('<a>&#x1;</a>', wellFormed)).toMatch(/&#x1;/);
    expect(strictXmlProblem('<a>ok</a>', wellFormed)).toBeUndefined();
  });

  it('never reach the basis document, which stays valid DOCX with the words around them', async () => {
    const meeting = plannedMeeting();
    const at = new Date('2026-04-16T08:00:00Z');
    const s = {
      meetingId: 'm1',
      givenBy: 'siri',
      meetingVersion: meeting.version,
      status: 'submitted' as const,
      idempotencyKey: 'siri-1',
      items: [
        { itemId: 'i1', position: 'support-with-changes' as const, text: hostile },
        { itemId: 'i2', position: 'support' as const, text: '' },
        { itemId: 'i3', position: 'support' as const, text: '' },
      ],
    };
    const answers: InputAnswer[] = [...must(giveInput(meeting, request, [], org, s, at)).answers];
    const doc = basisDocument(
      { org, meeting, request, summary: summarizeInput(meeting, request, answers) },
      strictTranslator('nb'),
    );
    expect(JSON.stringify(doc).includes('\uffff')).toBe(true); // the text really reaches the document builder
    const file = await renderDocx(doc);
    await expectStrictDocx(file);
    expect(paragraphs(documentXml(file)).some((p) => p.text.includes('«Vi støtter forslaget.»'))).toBe(true);
    expect(renderMarkdown(doc)).toContain('Vi støtter forslaget.');
  });

  it('never reach the joint hearing statement, which stays valid DOCX', async () => {
    const h = hearing({ title: `Høring\u0002 om helsefellesskap` });
    let responses: readonly HearingResponse[] = [];
    const sub = submission({
      givenBy: 'kari',
      answers: [{ questionId: 'q1', text: hostile }],
      text: `Samlet\uffff svar.`,
    });
    responses = must(respondToHearing(h, responses, hearingOrg, sub, now)).responses;
    const doc = jointStatementDocument(hearingOrg, h, compileJointStatement(h, [...responses]), strictTranslator('nb'));
    const file = await renderDocx(doc);
    await expectStrictDocx(file);
    const text = paragraphs(documentXml(file))
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('Vi støtter forslaget.');
  });
});
