import type { SignedLinks } from '../../app/exports/signed-links';
import { markdownRenderer } from '../../app/exports/markdown';
import type { DownloadFile } from '../../app/input/basis-document-file';
import { basisDocumentFile } from '../../app/input/basis-document-file';
import { minutesFile } from '../../app/minutes/minutes-file';
import { jointStatementFile, responsesCsvFile } from '../../app/hearings/hearing-files';
import type { Organisation } from '../../domain/organisation';
import type { Translator } from '../../i18n/catalogue';
import type { OrganisationRegistry } from '../../app/organisation-registry';
import type { Catalogue } from '../../i18n/catalogue';
import { feeCsvFile, feeDocumentFile } from '../../app/cooperation/fee-files';
import { agreementFile } from '../../app/agreement/agreement-file';
import { registerCsvFile } from '../../app/register/decision-files';
import { planReportFile } from '../../app/action-plan/action-plan-file';
import { projectReportFile } from '../../app/projects/project-file';
import { localeFrom } from '../../i18n/locale';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import type { DocumentRenderer } from '../../ports/documents';
import type { Download } from './http-server';
import { attachmentDisposition } from './security-headers';

export type Made = (
  deps: { store: RecordStore; org: Organisation; t: Translator; now: Date },
  id: string,
) => Promise<DownloadFile | undefined>;

/** Made elsewhere and given by the composition root: DOCX by its renderer, the calendar by the ICS adapter. */
export interface FileMakers {
  readonly docx: DocumentRenderer;
  readonly annualPlanFile: Made;
}

/**
 * The files behind signed links, by name: the basis document and the minutes for a meeting's id, the joint
 * hearing statement and the hearing's responses for a hearing's id. The document library gets
 * the same files from the same makers (src/app/archive).
 */
const filesBy = ({ docx: docxRenderer, annualPlanFile }: FileMakers): Readonly<Record<string, Made>> => ({
  'grunnlag.docx': (deps, id) => basisDocumentFile(deps, id, docxRenderer),
  'grunnlag.md': (deps, id) => basisDocumentFile(deps, id, markdownRenderer),
  'uttalelse.docx': (deps, id) => jointStatementFile(deps, id, docxRenderer),
  'svar.csv': (deps, id) => responsesCsvFile(deps, id),
  'protokoll.docx': (deps, id) => minutesFile(deps, id, docxRenderer),
  'protokoll.md': (deps, id) => minutesFile(deps, id, markdownRenderer),
  // The year's membership fees (id `K2027`), for invoicing.
  'kontingent.csv': (deps, id) => feeCsvFile(deps, id),
  'kontingent.docx': (deps, id) => feeDocumentFile(deps, id, docxRenderer),
  // An agreement change's tracker and result.
  'avtaleendring.docx': (deps, id) => agreementFile(deps, id, docxRenderer),
  // The decision register (`RALLE`, or one year: `R2026`).
  'vedtak.csv': (deps, id) => registerCsvFile(deps, id),
  // An adopted action plan's status per focus area (`H2027`), for the annual meeting.
  'handlingsplan.docx': (deps, id) => planReportFile(deps, id, docxRenderer, deps.now),
  // A project's status report to the board, by the report's id.
  'prosjektrapport.docx': (deps, id) => projectReportFile(deps, id, docxRenderer),
  // The annual plan (`A2027`) as a calendar to subscribe to.
  'arshjul.ics': (deps, id) => annualPlanFile(deps, id),
});

/** What the calendar route says to a dead link, in the server's language. */
export const fileTexts = (t: Translator) => ({
  notFound: t.t('files.not-found'),
  expired: t.t('files.calendar.expired'),
});

const text = (status: 403 | 404, body: string) => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body: `${body}\n`,
});

/** Serves documents behind signed, expiring links: nothing downloads without one. */
export function downloads(deps: {
  store: RecordStore;
  clock: Clock;
  links: SignedLinks;
  registry: OrganisationRegistry;
  catalogue: Catalogue;
  makers: FileMakers;
}): Download {
  const files = filesBy(deps.makers);
  return async (id, file, query) => {
    // The language only words the answer; it is outside the signature and grants nothing.
    const t = deps.catalogue.for(localeFrom(query.lang));
    const make = Object.hasOwn(files, file) ? files[file] : undefined;
    if (!make || !/^[A-Z0-9]{5}$/.test(id)) return text(404, t.t('files.not-found'));
    if (!deps.links.verify(`/exports/${id}/${file}`, query.expires, query.sig, deps.clock.now()))
      return text(403, t.t('files.download.expired'));
    const made = await make({ store: deps.store, org: deps.registry.organisation, t, now: deps.clock.now() }, id);
    if (!made) return text(404, t.t('files.not-found'));
    return {
      status: 200,
      // The server adds the security headers (security-headers.ts); these are the file's own.
      headers: {
        'content-type': made.mediaType,
        'content-disposition': attachmentDisposition(made.fileName),
        'cache-control': 'private, no-store',
      },
      body: made.body,
    };
  };
}
