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
import { localeFrom } from '../../i18n/locale';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { docxRenderer } from '../docx/docx-renderer';
import type { Download } from './http-server';

type Made = (deps: { store: RecordStore; org: Organisation; t: Translator }, id: string) => Promise<DownloadFile | undefined>;

/**
 * The files behind signed links, by name: the basis document and the minutes for a meeting's id, the joint
 * hearing statement and the hearing's responses for a hearing's id. The document library gets
 * the same files from the same makers (src/app/archive).
 */
const files: Readonly<Record<string, Made>> = {
  'grunnlag.docx': (deps, id) => basisDocumentFile(deps, id, docxRenderer),
  'grunnlag.md': (deps, id) => basisDocumentFile(deps, id, markdownRenderer),
  'uttalelse.docx': (deps, id) => jointStatementFile(deps, id, docxRenderer),
  'svar.csv': (deps, id) => responsesCsvFile(deps, id),
  'protokoll.docx': (deps, id) => minutesFile(deps, id, docxRenderer),
  'protokoll.md': (deps, id) => minutesFile(deps, id, markdownRenderer),
};

/** Serves documents behind signed, expiring links: nothing downloads without one. */
export function downloads(deps: {
  store: RecordStore;
  clock: Clock;
  links: SignedLinks;
  registry: OrganisationRegistry;
  catalogue: Catalogue;
}): Download {
  const notFound = { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' };
  return async (id, file, query) => {
    const make = Object.hasOwn(files, file) ? files[file] : undefined;
    if (!make || !/^[A-Z0-9]{5}$/.test(id)) return notFound;
    if (!deps.links.verify(`/exports/${id}/${file}`, query.expires, query.sig, deps.clock.now()))
      return { status: 403, headers: { 'content-type': 'text/plain' }, body: 'This link has expired or is not valid. Ask the bot for a new one.' };
    const t = deps.catalogue.for(localeFrom(query.lang));
    const made = await make({ store: deps.store, org: deps.registry.organisation, t }, id);
    if (!made) return notFound;
    return {
      status: 200,
      headers: { 'content-type': made.mediaType, 'content-disposition': `attachment; filename="${made.fileName}"` },
      body: made.body,
    };
  };
}
