/** The bench's results: targets judged, a table for people, and the same data as JSON. */
import type { ProfileSummary } from './cpu-profile.ts';
import type { MachineInfo } from './machine.ts';
import type { MemoryResult } from './memory.ts';
import type { BenchOptions } from './options.ts';
import { PATH_NAMES, type PathName } from './paths/path.ts';
import type { Spread } from './stats.ts';

export interface ThroughputResult extends Spread {
  /** MB/s (10^6 bytes per second) of each round, in the order they ran. */
  rounds: number[];
  /** Mean size of the pieces the output arrived in, over all rounds. */
  meanChunkBytes: number;
  /** CPU seconds per GiB moved, by process; only what the bench can read is present. */
  cpuSecondsPerGiB: { relay?: number; bench?: number };
}

export interface EchoResult {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  samples: number;
}

export interface TargetResult {
  name: string;
  value: number;
  unit: string;
  comparison: '>=' | '<';
  target: number;
  pass: boolean;
}

export interface BenchResults {
  finishedAt: string;
  command: string;
  relayCommand: string;
  options: BenchOptions;
  machine: MachineInfo;
  /** Load average again at the end; a big rise means other work shared the CPU. */
  loadAverageAtEnd: number;
  paths: Record<PathName, string>;
  throughput: Record<PathName, ThroughputResult>;
  echo: Record<PathName, EchoResult> & {
    addedP50Ms: number;
    addedP99Ms: number;
    /** Relay minus the bare forwarder: what the relay's own work adds. */
    beyondHopP50Ms: number;
    beyondHopP99Ms: number;
  };
  /** Measured on the fresh relay; the target is judged on this one. */
  memory: MemoryResult;
  /** Measured again after the throughput and echo runs. */
  memoryAfterLoad: MemoryResult;
  /** Highest RSS the relay reached during the whole bench, throughput included, in kB. */
  relayPeakRssKb: number;
  targets: TargetResult[];
  relayProfile?: ProfileSummary;
}

export function judgeTargets(
  throughput: Record<PathName, ThroughputResult>,
  echo: { addedP99Ms: number },
  memory: MemoryResult,
): TargetResult[] {
  const target = (
    name: string, value: number, unit: string, comparison: '>=' | '<', goal: number,
  ): TargetResult => ({
    name, value, unit, comparison, target: goal,
    pass: comparison === '>=' ? value >= goal : value < goal,
  });
  const relay = throughput.relay.median;
  return [
    target('throughput relay / ssh2', relay / throughput.ssh2.median, '×', '>=', 0.9),
    target('throughput relay / openssh', relay / throughput.openssh.median, '×', '>=', 1),
    target('added echo latency p99', echo.addedP99Ms, 'ms', '<', 1),
    target('memory per idle session (fresh)', memory.perSessionKb, 'kB', '<', 100),
  ];
}

export function formatReport(results: BenchResults): string {
  const { machine, options, throughput, echo, memory } = results;
  const lines: string[] = [];
  const row = (...cells: string[]): number => lines.push(cells.join('  '));
  const fixed = (value: number, digits = 2): string => value.toFixed(digits);
  const names = PATH_NAMES;

  lines.push(`command:  ${results.command}`, `relay:    ${results.relayCommand}`);
  lines.push(`machine:  ${machine.cpus} CPUs (${machine.cpuModel}), node ${machine.node}, `
    + `Linux ${machine.kernel}, ${machine.openssh}`);
  const binding = machine.ssh2NativeCrypto ? 'loaded' : 'NOT loaded';
  lines.push(`ssh2 native crypto binding: ${binding}; load average `
    + `${fixed(machine.loadAverage)} at start, ${fixed(results.loadAverageAtEnd)} at end`);
  for (const name of names) lines.push(`${name.padEnd(8)}  ${results.paths[name]}`);
  if (options.cpuProfile) {
    lines.push('NOTE: the relay ran under --cpu-prof, which slows it and grows its memory.');
  }

  lines.push('', `Throughput through a PTY, ${options.bytes} bytes × ${options.rounds} rounds `
    + '(MB/s = 10^6 B/s, first byte to last)');
  row('path    ', 'median'.padStart(8), 'min'.padStart(8), 'max'.padStart(8), 'B/chunk'.padStart(8),
    '  CPU s/GiB');
  for (const name of names) {
    const result = throughput[name];
    const cpu = Object.entries(result.cpuSecondsPerGiB)
      .map(([process, seconds]) => `${process} ${fixed(seconds)}`).join(', ');
    const rates = [result.median, result.min, result.max].map((v) => fixed(v, 1).padStart(8));
    const chunk = fixed(result.meanChunkBytes, 0).padStart(8);
    row(name.padEnd(8), ...rates, chunk, `  ${cpu || '-'}`);
  }

  lines.push('', `Keystroke echo latency (ms), ${options.samples} samples after warm-up`);
  row('path    ', 'p50'.padStart(8), 'p99'.padStart(8), 'max'.padStart(8));
  for (const name of names) {
    row(name.padEnd(8), ...[echo[name].p50Ms, echo[name].p99Ms, echo[name].maxMs]
      .map((v) => fixed(v, 3).padStart(8)));
  }
  lines.push(`relay adds ${fixed(echo.addedP50Ms, 3)} ms at p50, `
    + `${fixed(echo.addedP99Ms, 3)} ms at p99 (relay minus ssh2 direct)`);
  lines.push('of which a bare extra process costs '
    + `${fixed(echo.forwarded.p50Ms - echo.ssh2.p50Ms, 3)} ms at p50, `
    + `${fixed(echo.forwarded.p99Ms - echo.ssh2.p99Ms, 3)} ms at p99; the relay's own work adds `
    + `${fixed(echo.beyondHopP50Ms, 3)} ms at p50, ${fixed(echo.beyondHopP99Ms, 3)} ms at p99`);

  lines.push('', `Relay memory with ${memory.sessions} idle shell sessions, each reading `
    + 'taken after a forced full garbage collection; RSS is what the OS holds, live is V8 heap '
    + 'in use plus external memory; RSS peak over the whole bench '
    + `${results.relayPeakRssKb} kB`);
  row('when      ', 'RSS before'.padStart(11), 'with them'.padStart(10), 'closed'.padStart(10),
    'RSS/session'.padStart(12), 'live/session'.padStart(13));
  const measured = [['fresh', memory], ['after load', results.memoryAfterLoad]] as const;
  for (const [when, result] of measured) {
    const figures = [result.baselineKb, result.withSessionsKb, result.afterCloseKb]
      .map((kb, index) => `${kb} kB`.padStart(index === 0 ? 11 : 10));
    row(when.padEnd(10), ...figures, `${fixed(result.perSessionKb, 1)} kB`.padStart(12),
      `${fixed(result.livePerSessionKb, 1)} kB`.padStart(13));
  }

  lines.push('', 'Targets');
  for (const target of results.targets) {
    const value = `${fixed(target.value, target.unit === '×' ? 3 : 2)} ${target.unit}`;
    row(target.pass ? 'PASS' : 'MISS', target.name.padEnd(32), value.padStart(12),
      `(target ${target.comparison} ${target.target} ${target.unit})`);
  }

  if (results.relayProfile) lines.push('', ...formatProfile(results.relayProfile));
  return lines.join('\n');
}

function formatProfile(profile: ProfileSummary): string[] {
  const percent = (share: number): string => `${(share * 100).toFixed(1).padStart(5)} %`;
  return [
    `Relay CPU profile: ${(profile.busyMs / 1000).toFixed(1)} s busy, `
      + `${(profile.idleMs / 1000).toFixed(1)} s idle (whole bench)`,
    ...profile.byComponent.map((entry) => `  ${percent(entry.share)}  ${entry.name}`),
    'Top functions by self time:',
    ...profile.topFunctions.map((entry) => `  ${percent(entry.share)}  ${entry.name}`),
  ];
}
