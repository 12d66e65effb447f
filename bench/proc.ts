/** Reads a process's memory and CPU time from Linux's /proc. */
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';

export interface Memory {
  /** Resident set: the pages the OS really holds for the process now, in kB. */
  rssKb: number;
  /** The highest rssKb since the process started. */
  peakRssKb: number;
}

export async function readMemory(pid: number): Promise<Memory> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return { rssKb: statusField(status, 'VmRSS'), peakRssKb: statusField(status, 'VmHWM') };
}

function statusField(status: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status);
  if (!match) throw new Error(`/proc status has no ${name} line; is this Linux?`);
  return Number(match[1]);
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** User plus system CPU time the process has used so far, in seconds. */
export async function readCpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; fields after its closing parenthesis are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line; this list starts at field 3 (state).
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) throw new Error(`cannot read CPU time from /proc/${pid}/stat`);
  return ticks / CLOCK_TICKS_PER_SECOND;
}
