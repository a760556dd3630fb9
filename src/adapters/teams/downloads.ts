import type { SignedLinks } from '../../app/exports/signed-links';
import { markdownRenderer } from '../../app/exports/markdown';
import { basisDocumentFile } from '../../app/input/basis-document-file';
import { minutesFile } from '../../app/minutes/minutes-file';
import type { OrganisationRegistry } from '../../app/organisation-registry';
import type { Catalogue } from '../../i18n/catalogue';
import { localeFrom } from '../../i18n/locale';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import { docxRenderer } from '../docx/docx-renderer';
import type { Download } from './http-server';

/** Each file name: its renderer and the document it makes (the basis document, the minutes). */
const files = {
  'grunnlag.docx': { renderer: docxRenderer, make: basisDocumentFile },
  'grunnlag.md': { renderer: markdownRenderer, make: basisDocumentFile },
  'protokoll.docx': { renderer: docxRenderer, make: minutesFile },
  'protokoll.md': { renderer: markdownRenderer, make: minutesFile },
} as const;

/** Serves documents behind signed, expiring links: nothing downloads without one. */
export function downloads(deps: {
  store: RecordStore;
  clock: Clock;
  links: SignedLinks;
  registry: OrganisationRegistry;
  catalogue: Catalogue;
}): Download {
  const notFound = { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' };
  return async (meetingId, file, query) => {
    const known = files[file as keyof typeof files];
    if (!known || !/^[A-Z0-9]{5}$/.test(meetingId)) return notFound;
    if (!deps.links.verify(`/exports/${meetingId}/${file}`, query.expires, query.sig, deps.clock.now()))
      return { status: 403, headers: { 'content-type': 'text/plain' }, body: 'This link has expired or is not valid. Ask the bot for a new one.' };
    const t = deps.catalogue.for(localeFrom(query.lang));
    const made = await known.make({ store: deps.store, org: deps.registry.organisation, t }, meetingId, known.renderer);
    if (!made) return notFound;
    return {
      status: 200,
      headers: { 'content-type': made.mediaType, 'content-disposition': `attachment; filename="${made.fileName}"` },
      body: made.body,
    };
  };
}
