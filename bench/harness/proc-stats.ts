import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Figures of another process, read from Linux's /proc: the server's own memory and CPU,
 * not the bench's. On a system without /proc they are NaN and the table says "–".
 */
export interface ProcessMemory {
  /** Resident set now (VmRSS). */
  readonly rssMiB: number;
  /** The most it has been resident at any time (VmHWM). */
  readonly peakMiB: number;
}

const kibToMiB = (kib: number): number => Math.round((kib / 1024) * 10) / 10;

/** VmRSS and VmHWM of `pid`, from /proc/<pid>/status. */
export function processMemory(pid: number): ProcessMemory {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string): number =>
      Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rssMiB: kibToMiB(field('VmRSS')), peakMiB: kibToMiB(field('VmHWM')) };
  } catch {
    return { rssMiB: Number.NaN, peakMiB: Number.NaN };
  }
}

let ticksPerSecond: number | undefined;
const clockTicks = (): number => {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100; // Linux's USER_HZ nearly everywhere
    }
  }
  return ticksPerSecond;
};

/** User plus system CPU time `pid` has used so far, in ms (from /proc/<pid>/stat; resolution 1/CLK_TCK s). */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / clockTicks();
  } catch {
    return Number.NaN;
  }
}
