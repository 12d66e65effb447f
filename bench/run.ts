/**
 * Benchmarks the relay against two baselines in one run: ssh2 used directly (what the
 * relay adds on top of its own SSH library) and OpenSSH's client (what people use today).
 * It starts its own sshd and relay process, and stops both (by PID) however it ends.
 *
 *   npm run bench -- [--bytes 256M] [--rounds 5] [--samples 1000] [--sessions 50] [--cpu-prof]
 *
 * Not a test: nothing here fails on a slow figure. Targets are judged PASS or MISS; only
 * a broken path (a lost byte, a stuck session) makes the run fail.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../testing/paths.ts';
import { startSshd } from '../testing/sshd.ts';
import { summariseProfileFile, type ProfileSummary } from './cpu-profile.ts';
import { EchoSession } from './echo.ts';
import { describeMachine } from './machine.ts';
import { measureIdleSessions } from './memory.ts';
import { OptionsError, parseOptions, type BenchOptions } from './options.ts';
import { opensshPath } from './paths/openssh.ts';
import { PATH_NAMES, type Path, type PathName } from './paths/path.ts';
import { relayPath } from './paths/relay.ts';
import { ssh2Path } from './paths/ssh2.ts';
import { startForwarder } from './forwarder-process.ts';
import { readCpuSeconds, readMemory } from './proc.ts';
import { startRelayProcess, type RelayProcess } from './relay-process.ts';
import {
  formatReport, judgeTargets, type BenchResults, type EchoResult, type ThroughputResult,
} from './report.ts';
import { percentile, spread } from './stats.ts';
import { measureThroughput } from './throughput.ts';

const RESULTS_DIR = join(REPO_ROOT, '.tmp', 'bench');
const GIB = 1024 ** 3;

type Disposer = () => Promise<void>;

async function main(options: BenchOptions, cleanup: Disposer[]): Promise<void> {
  const command = process.argv.join(' ');
  const machine = describeMachine();
  progress(`bench: ${command}`);
  progress(`ssh2 native crypto binding: ${machine.ssh2NativeCrypto}`);

  const sshd = await startSshd();
  cleanup.push(() => sshd.stop());
  const profileDir = options.cpuProfile
    ? join(RESULTS_DIR, `profile-${new Date().toISOString().replaceAll(':', '-')}`)
    : undefined;
  const relay = await startRelayProcess({ cpuProfileDir: profileDir });
  const stopRelay = (): Promise<void> => relay.stop();
  cleanup.push(stopRelay);
  progress(`sshd on port ${sshd.port}, relay PID ${relay.pid} on port ${relay.port}`);

  const forwarder = await startForwarder(sshd.port);
  cleanup.push(() => forwarder.stop());

  const ssh2 = ssh2Path(sshd);
  const paths: Record<PathName, Path> = {
    relay: relayPath(relay.url, sshd),
    ssh2,
    forwarded: ssh2Path(sshd, forwarder),
    openssh: opensshPath(sshd),
  };

  // Memory is measured on the fresh relay, where the delta also holds one-off growth (V8's
  // heap, compiled code), and again after the load, where garbage that V8 frees whenever it
  // likes blurs the baseline. The target is judged on the first, the larger as a rule.
  progress(`memory: ${options.sessions} idle shells through the fresh relay`);
  const memory = await measureIdleSessions(relay, sshd, options.sessions);
  const throughput = await runThroughput(paths, relay, options);
  const echo = await runEcho(paths, options.samples);
  progress(`memory: ${options.sessions} idle shells again, after the load`);
  const memoryAfterLoad = await measureIdleSessions(relay, sshd, options.sessions);
  const relayPeakRssKb = (await readMemory(relay.pid)).peakRssKb;

  // The profile is written as the relay exits, so it is stopped before the summary.
  let relayProfile: ProfileSummary | undefined;
  if (profileDir !== undefined) {
    await stopRelay();
    relayProfile = await readProfile(profileDir);
  }

  const results: BenchResults = {
    finishedAt: new Date().toISOString(),
    command,
    relayCommand: relay.command,
    options,
    machine,
    loadAverageAtEnd: loadavg()[0] ?? 0,
    paths: {
      relay: paths.relay.describe(),
      ssh2: paths.ssh2.describe(),
      forwarded: paths.forwarded.describe(),
      openssh: paths.openssh.describe(),
    },
    throughput,
    echo,
    memory,
    memoryAfterLoad,
    relayPeakRssKb,
    targets: judgeTargets(throughput, echo, memory),
    relayProfile,
  };
  process.stdout.write(`\n${formatReport(results)}\n`);
  await mkdir(RESULTS_DIR, { recursive: true });
  const saved = join(RESULTS_DIR, 'latest.json');
  await writeFile(saved, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\nsaved ${saved}\n`);
}

/**
 * Rounds run interleaved (relay, ssh2, forwarded, openssh, relay, ...) so noise
 * falls on all alike.
 */
async function runThroughput(
  paths: Record<PathName, Path>,
  relay: RelayProcess,
  options: BenchOptions,
): Promise<Record<PathName, ThroughputResult>> {
  const rates = emptyRecord<number[]>(() => []);
  const relayCpu = emptyRecord(() => 0);
  const benchCpu = emptyRecord(() => 0);
  const chunks = emptyRecord(() => 0);

  for (let round = 1; round <= options.rounds; round += 1) {
    for (const name of PATH_NAMES) {
      const relayBefore = await readCpuSeconds(relay.pid);
      const benchBefore = process.cpuUsage();
      const result = await measureThroughput(paths[name], options.bytes);
      const bench = process.cpuUsage(benchBefore);
      relayCpu[name] += (await readCpuSeconds(relay.pid)) - relayBefore;
      benchCpu[name] += (bench.user + bench.system) / 1e6;
      rates[name].push(result.mbPerSecond);
      chunks[name] += result.chunks;
      progress(`throughput round ${round}/${options.rounds} ${name.padEnd(7)} `
        + `${result.mbPerSecond.toFixed(1)} MB/s`);
    }
  }

  const gibMoved = (options.bytes * options.rounds) / GIB;
  const summary = (name: PathName): ThroughputResult => ({
    ...spread(rates[name]),
    rounds: rates[name],
    meanChunkBytes: (options.bytes * options.rounds) / chunks[name],
    cpuSecondsPerGiB: name === 'relay'
      ? { relay: relayCpu[name] / gibMoved, bench: benchCpu[name] / gibMoved }
      : { bench: benchCpu[name] / gibMoved },
  });
  return {
    relay: summary('relay'),
    ssh2: summary('ssh2'),
    forwarded: summary('forwarded'),
    openssh: summary('openssh'),
  };
}

/**
 * All four `cat` sessions stay open and take turns, one keystroke each, so that noise
 * from other work on the machine falls on every path alike.
 */
async function runEcho(
  paths: Record<PathName, Path>,
  samples: number,
): Promise<BenchResults['echo']> {
  progress(`echo latency: ${samples} keystrokes per path, taking turns`);
  const sessions: EchoSession[] = [];
  const latencies = emptyRecord<number[]>(() => []);
  try {
    for (const name of PATH_NAMES) sessions.push(await EchoSession.open(paths[name]));
    for (let index = 0; index < samples; index += 1) {
      for (const [turn, name] of PATH_NAMES.entries()) {
        latencies[name].push(await sessions[turn]!.sample());
      }
    }
    // finish() disposes its own session; the others stay listed for the finally below.
    while (sessions.length > 0) await sessions.shift()!.finish();
  } finally {
    for (const session of sessions) session.destroy();
  }

  const summary = (name: PathName): EchoResult => ({
    p50Ms: percentile(latencies[name], 50),
    p99Ms: percentile(latencies[name], 99),
    maxMs: percentile(latencies[name], 100),
    samples: latencies[name].length,
  });
  const [relay, ssh2, forwarded] = [summary('relay'), summary('ssh2'), summary('forwarded')];
  return {
    relay,
    ssh2,
    forwarded,
    openssh: summary('openssh'),
    addedP50Ms: relay.p50Ms - ssh2.p50Ms,
    addedP99Ms: relay.p99Ms - ssh2.p99Ms,
    beyondHopP50Ms: relay.p50Ms - forwarded.p50Ms,
    beyondHopP99Ms: relay.p99Ms - forwarded.p99Ms,
  };
}

async function readProfile(folder: string): Promise<ProfileSummary> {
  const files = (await readdir(folder)).filter((name) => name.endsWith('.cpuprofile'));
  if (files.length !== 1) {
    throw new Error(`expected one .cpuprofile in ${folder}, found ${files.length}`);
  }
  progress(`relay CPU profile: ${join(folder, files[0]!)}`);
  return summariseProfileFile(join(folder, files[0]!));
}

function emptyRecord<T>(make: () => T): Record<PathName, T> {
  return { relay: make(), ssh2: make(), forwarded: make(), openssh: make() };
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function runCleanup(cleanup: Disposer[]): Promise<void> {
  for (const dispose of cleanup.splice(0).reverse()) {
    await dispose().catch((error: unknown) => progress(`cleanup failed: ${String(error)}`));
  }
}

async function start(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    progress(error.message);
    process.exit(2);
  }

  const cleanup: Disposer[] = [];
  const interrupt = (signal: NodeJS.Signals): void => {
    progress(`bench: ${signal}, stopping the relay and sshd`);
    void runCleanup(cleanup).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  try {
    await main(options, cleanup);
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    progress(`bench FAILED: ${detail}`);
    process.exitCode = 1;
  } finally {
    await runCleanup(cleanup);
  }
}

await start();
