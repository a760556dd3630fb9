import type { GraphHttp, GraphReply } from '../../graph/graph-client';
import type { Translator } from '../../../i18n/catalogue';
import type { ListSchema, ViewSpec } from './list-columns';

/**
 * The default views, made through SharePoint's REST API: Graph has no list views. The
 * connection is one made for `<site web URL>/_api`, so its token is for SharePoint
 * (`https://<tenant>.sharepoint.com/.default`); SharePoint takes app-only tokens from a
 * certificate or a managed identity, not from a client secret.
 */
export interface ViewProvision {
  readonly list: string;
  readonly added: readonly string[];
}

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The view's query in CAML, as SharePoint stores it: grouping first, then order. */
export function viewQuery(view: ViewSpec): string {
  const group = view.groupBy ? `<GroupBy Collapse="FALSE"><FieldRef Name="${escape(view.groupBy)}" /></GroupBy>` : '';
  const order = view.orderBy
    .map((o) => `<FieldRef Name="${escape(o.field)}" Ascending="${o.ascending ? 'TRUE' : 'FALSE'}" />`)
    .join('');
  return `${group}<OrderBy>${order}</OrderBy>`;
}

export const viewTitle = (schema: ListSchema, view: ViewSpec, t: Translator): string =>
  t.t(`lists.${schema.list}.view.${view.key}`);

const JSON_LIGHT = { Accept: 'application/json;odata=nometadata', 'Content-Type': 'application/json;odata=nometadata' };

/** Adds the views a list lacks (by title); a second run adds none. */
export async function provisionViews(
  rest: GraphHttp,
  listId: string,
  schema: ListSchema,
  t: Translator,
): Promise<ViewProvision> {
  const views = `/web/lists(guid'${listId}')/views`;
  const present = new Set(
    ok<{ value: { Title: string }[] }>(
      await rest.send({ method: 'GET', url: `${views}?$select=Title`, headers: JSON_LIGHT }),
      `read the views of ${schema.internalName}`,
    ).value.map((v) => v.Title),
  );
  const added: string[] = [];
  for (const view of schema.views) {
    const title = viewTitle(schema, view, t);
    if (present.has(title)) continue;
    const parameters = {
      Title: title,
      ViewFields: view.fields,
      Query: viewQuery(view),
      SetAsDefaultView: view.isDefault,
      PersonalView: false,
      Paged: true,
      RowLimit: 100,
    };
    ok(
      await rest.send({ method: 'POST', url: `${views}/add`, headers: JSON_LIGHT, body: { parameters } }),
      `add the view ${title} to ${schema.internalName}`,
    );
    added.push(title);
  }
  return { list: schema.internalName, added };
}

function ok<B>(reply: GraphReply, what: string): B {
  if (reply.status >= 200 && reply.status < 300) return reply.body as B;
  const body = reply.body as
    | {
        error?: { code?: string; message?: string | { value?: string } };
        'odata.error'?: { message?: { value?: string } };
      }
    | undefined;
  const message =
    typeof body?.error?.message === 'string'
      ? body.error.message
      : (body?.error?.message?.value ?? body?.['odata.error']?.message?.value ?? '');
  throw new ViewsRefused(`could not ${what}: SharePoint answered ${reply.status} ${message}`.trim(), reply.status);
}

export class ViewsRefused extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(`PROVISION.VIEWS_FAILED: ${message}`);
    this.name = 'ViewsRefused';
  }
}
