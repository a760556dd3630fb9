import type { Body } from '../../domain/body';
import type { Hearing } from '../../domain/hearing';
import type { Meeting } from '../../domain/meeting';
import { osloWallClock } from '../../domain/oslo-time';
import { checkDocumentPath } from '../../ports/document-library';

/*
 * Where each generated document lives in the document library, in the archive's own words:
 * a folder per kind of document and year, a file named for the body and meeting number or
 * the hearing's title. The names are what a secretary would type, kept safe for SharePoint.
 */

const NAME_MAX = 80;

/**
 * A file or folder name from free text: lower case, words joined by hyphens, Norwegian letters
 * kept, and everything SharePoint refuses (`" * : < > ? / \ | # %`, `~`, control characters)
 * left out. Empty text gives `fallback`.
 */
export function safeName(text: string, fallback: string): string {
  const name = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s.,()'_-]/gu, '')
    .replace(/[\s_]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, NAME_MAX)
    .replace(/^[-.]+|[-.]+$/g, '');
  return name === '' ? fallback : name;
}

/** The path, checked as every library checks it: a bad name fails here, not at upload. */
function path(...parts: string[]): string {
  const joined = parts.join('/');
  checkDocumentPath(joined);
  return joined;
}

const meetingName = (body: Body | undefined, meeting: Meeting) =>
  `${safeName(body?.name ?? '', meeting.bodyId)}-møte-${meeting.number}-${meeting.year}`;

/** `Grunnlagsdokumenter/2026/styret-møte-4-2026.docx`: one file, replaced as input comes in. */
export function basisDocumentPath(body: Body | undefined, meeting: Meeting, extension: string): string {
  return path('Grunnlagsdokumenter', String(meeting.year), `${meetingName(body, meeting)}.${extension}`);
}

/** `Protokoller/2026/styret-møte-4-2026-v2.docx`: one file per version, the earlier ones kept. */
export function minutesPath(body: Body | undefined, meeting: Meeting, version: number, extension: string): string {
  return path('Protokoller', String(meeting.year), `${meetingName(body, meeting)}-v${version}.${extension}`);
}

const hearingName = (h: Hearing) => safeName(h.title, h.id.toLowerCase());
const hearingYear = (h: Hearing) => String(osloWallClock(h.registeredAt).year);

/** `Høringer/2026/<title>-felles-uttalelse.docx`: the joint statement, replaced as it is compiled again. */
export function jointStatementPath(h: Hearing, extension: string): string {
  return path('Høringer', hearingYear(h), `${hearingName(h)}-felles-uttalelse.${extension}`);
}

/** `Høringer/2026/<title>-høringssvar.csv`: every municipality's response, beside the statement. */
export function responsesPath(h: Hearing): string {
  return path('Høringer', hearingYear(h), `${hearingName(h)}-høringssvar.csv`);
}
