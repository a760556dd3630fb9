import type { z } from 'zod';
import type { Logger } from '../../ports/logger';
import { silentLogger } from '../../ports/logger';
import type { JobContext, JobHandler } from './execute-job';
import type { JobOutcome } from './job';

/**
 * One job kind: its name in the store, the shape of its payload and what runs it. The payload
 * is checked every time it is read back (a job may have been written by an older version, or
 * by hand), so the handler only ever sees the type it declares.
 */
export interface JobDefinition {
  readonly kind: string;
  /** Validates the stored payload, then runs the handler; a payload that does not fit fails the job for good. */
  run(context: JobContext, logger?: Logger): Promise<JobOutcome | void>;
}

/** The error a job with an unreadable payload fails with (its `lastError`). */
export const PAYLOAD_INVALID = 'JOB.PAYLOAD_INVALID';

/** The routing table of a job runner: kind → definition. */
export type JobRegistry = Readonly<Record<string, JobDefinition>>;

export function defineJob<P>(kind: string, payload: z.ZodType<P>, handler: JobHandler<P>): JobDefinition {
  return {
    kind,
    async run(context, logger = silentLogger) {
      const parsed = payload.safeParse(context.job.payload);
      if (!parsed.success) {
        // No retry can mend it: fail at once, and say where, without the payload itself (it can carry personal data).
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ');
        logger.error('scheduler.payload-invalid', { kind, jobId: context.job.id, issues });
        return { outcome: 'failed', error: `${PAYLOAD_INVALID} ${kind}: ${issues}` };
      }
      return handler({ ...context, job: { ...context.job, payload: parsed.data } });
    },
  };
}

/** Kind → definition; two definitions of one kind are a wiring mistake, caught at start-up. */
export function jobRegistry(...definitions: readonly (JobDefinition | undefined)[]): JobRegistry {
  const registry: Record<string, JobDefinition> = {};
  for (const definition of definitions) {
    if (!definition) continue;
    if (Object.hasOwn(registry, definition.kind)) throw new Error(`job kind ${definition.kind} is defined twice`);
    registry[definition.kind] = definition;
  }
  return registry;
}
