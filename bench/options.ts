/**
 * The bench's command-line flags. A bad value stops the run with a message naming the
 * flag; nothing falls back to a default silently.
 */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Bytes each throughput round asks `head -c` for. Default 256 MiB. */
  bytes: number;
  /** Throughput rounds per path, run interleaved. Default 5. */
  rounds: number;
  /** Timed keystrokes per path for echo latency. Default 1000. */
  samples: number;
  /** Idle shell sessions opened through the relay to measure memory. Default 50. */
  sessions: number;
  /** Write a V8 CPU profile of the relay (`node --cpu-prof`) and summarise it. Default off. */
  cpuProfile: boolean;
}

/** Upper bounds that keep a typo from starting a run of hours or exhausting sshd. */
const LIMITS = {
  bytes: 16 * 1024 ** 3,
  rounds: 100,
  samples: 100_000,
  // The relay accepts 1000 sessions; sshd's MaxStartups and the user's process limit come first.
  sessions: 500,
} as const;

const DEFAULTS = { bytes: 256 * 1024 ** 2, rounds: 5, samples: 1000, sessions: 50 } as const;

export class OptionsError extends Error {
  override readonly name = 'OptionsError';
}

export const USAGE = 'usage: tsx bench/run.ts [--bytes N[k|M|G]] [--rounds N] [--samples N] '
  + '[--sessions N] [--cpu-prof]';

export function parseOptions(argv: string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      options: {
        bytes: { type: 'string' },
        rounds: { type: 'string' },
        samples: { type: 'string' },
        sessions: { type: 'string' },
        'cpu-prof': { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    throw new OptionsError(`${(error as Error).message}\n${USAGE}`);
  }

  return {
    bytes: count('bytes', parsed.bytes, DEFAULTS.bytes),
    rounds: count('rounds', parsed.rounds, DEFAULTS.rounds),
    samples: count('samples', parsed.samples, DEFAULTS.samples),
    sessions: count('sessions', parsed.sessions, DEFAULTS.sessions),
    cpuProfile: parsed['cpu-prof'] ?? false,
  };
}

const UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

function count(flag: keyof typeof LIMITS, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const match = /^(\d+)([kmg]?)$/i.exec(raw.trim());
  const unit = flag === 'bytes' ? match?.[2]?.toLowerCase() : match?.[2] === '' ? '' : undefined;
  if (!match || unit === undefined) {
    const form = flag === 'bytes' ? 'a whole number, optionally with k, M or G' : 'a whole number';
    throw new OptionsError(`--${flag}=${JSON.stringify(raw)} is not ${form}`);
  }
  const value = Number(match[1]) * UNITS[unit]!;
  if (value < 1 || value > LIMITS[flag]) {
    throw new OptionsError(`--${flag}=${raw} is outside 1..${LIMITS[flag]}`);
  }
  return value;
}
