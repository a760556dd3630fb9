import { z } from 'zod';
import type { JobHandler } from '../../src/app/scheduling/execute-job';
import type { JobRegistry } from '../../src/app/scheduling/job-registry';
import { defineJob, jobRegistry } from '../../src/app/scheduling/job-registry';

/** Test jobs whose payload the test does not care about: any payload is accepted as it is. */
export const untypedJobs = (handlers: Readonly<Record<string, JobHandler>>): JobRegistry =>
  jobRegistry(...Object.entries(handlers).map(([kind, handler]) => defineJob(kind, z.unknown(), handler)));
