import type { Organisation } from '../../domain/organisation';
import type { Project } from '../../domain/project';
import { findProjects } from '../../domain/project';
import type { Result } from '../../domain/result';
import { fail, ok } from '../../domain/result';
import type { RecordStore } from '../../ports/record-store';
import { isStoreError } from '../../ports/record-store';

/**
 * Projects: a handful at a time, read whole. A project the organisation file describes lives
 * there until its first change; from then its record here is the one in force.
 */
export const PROJECTS = 'projects';

export async function allProjects(store: RecordStore, org: Organisation): Promise<Project[]> {
  const stored = (await store.find<Project>(PROJECTS)).map((r) => r.value);
  const fromFile = (org.projects ?? []).filter((p) => !stored.some((s) => s.id === p.id));
  return [...fromFile, ...stored].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
}

/** The project typed (id or a fragment of the name), or why none could be picked. */
export async function projectCalled(store: RecordStore, org: Organisation, typed: string): Promise<Result<Project>> {
  const found = findProjects(await allProjects(store, org), typed);
  if (found.length === 0) return fail('PROJECT.UNKNOWN', { value: typed.trim() });
  if (found.length > 1) return fail('PROJECT.SEVERAL', { names: found.map((p) => `${p.name} (${p.id})`).join(', ') });
  return ok(found[0]!);
}

/**
 * Applies a change to a project with its eTag, read again on a race; a project still only in
 * the organisation file is created from it first.
 */
export async function changeProject(
  store: RecordStore,
  org: Organisation,
  id: string,
  change: (current: Project) => Result<Project>,
): Promise<Result<Project>> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await store.get<Project>(PROJECTS, id);
    const base = current?.value ?? org.projects?.find((p) => p.id === id);
    if (!base) return fail('PROJECT.UNKNOWN', { value: id });
    const next = change(base);
    if (!next.ok) return next;
    try {
      if (current) await store.replace<Project>(PROJECTS, id, next.value, current.etag);
      else await store.create<Project>(PROJECTS, id, next.value);
      return next;
    } catch (e) {
      if (isStoreError(e, 'STORE.PRECONDITION_FAILED') || isStoreError(e, 'STORE.ALREADY_EXISTS')) continue;
      throw e;
    }
  }
  throw new Error(`project ${id} kept changing while it was written`);
}

/** The project a report's document belongs to, by the report's id. */
export async function projectOfReport(store: RecordStore, org: Organisation, reportId: string) {
  return (await allProjects(store, org)).find((p) => p.reports.some((r) => r.id === reportId));
}
