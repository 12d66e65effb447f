/**
 * The relay's configuration: one table of environment variables, read through one
 * pipeline (read raw values, apply defaults, verify). A bad value stops start-up with a
 * message naming the variable; nothing falls back silently.
 *
 * Names that Cased Shell has keep their Cased spelling, so a team can move over with the
 * same environment. Names that are Seashell's own start with SEASHELL_.
 */
import { isIP } from 'node:net';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface RelayConfig {
  /** The name users reach the relay by; its origin is the only one allowed on sockets. */
  hostname: string;
  port: number;
  tls: 'off';
  logLevel: LogLevel;
  /** Seconds between keep-alives on both legs (WebSocket pings and SSH keepalives). */
  keepaliveIntervalSeconds: number;
  listenAddress: string;
}

interface Variable<K extends keyof RelayConfig> {
  key: K;
  name: string;
  /** Other spellings accepted for the same setting. */
  aliases?: string[];
  default: string;
  description: string;
  parse(value: string): RelayConfig[K] | { problem: string };
}

function variable<K extends keyof RelayConfig>(spec: Variable<K>): Variable<K> {
  return spec;
}

/** Every variable the relay reads. The README's table shows the same rows. */
export const VARIABLES = [
  variable({
    key: 'hostname',
    name: 'CASED_SHELL_HOSTNAME',
    default: 'localhost',
    description: 'Host name users reach the relay by; browsers from other origins are refused.',
    parse: (value) =>
      /^[a-z0-9.-]{1,253}$/i.test(value) ? value.toLowerCase() : { problem: 'is not a host name' },
  }),
  variable({
    key: 'port',
    name: 'CASED_SHELL_PORT',
    default: '8888',
    description: 'TCP port the relay listens on for HTTP and WebSocket traffic.',
    parse: (value) => parseInteger(value, 1, 65_535),
  }),
  variable({
    key: 'tls',
    name: 'CASED_SHELL_TLS',
    default: 'off',
    description: 'TLS mode. Only `off` exists so far: serve plain HTTP on loopback.',
    parse: (value) =>
      value === 'off' ? 'off' : { problem: 'is not supported yet; the only mode is "off"' },
  }),
  variable({
    key: 'logLevel',
    name: 'CASED_SHELL_LOG_LEVEL',
    default: 'info',
    description: `Least severe log level written: ${LOG_LEVELS.join(', ')}.`,
    parse: (value) => {
      const level = value.toLowerCase();
      return isLogLevel(level) ? level : { problem: `must be one of ${LOG_LEVELS.join(', ')}` };
    },
  }),
  variable({
    key: 'keepaliveIntervalSeconds',
    name: 'CASED_SHELL_KEEPALIVE_INTERVAL',
    aliases: ['CASED_SHELL_KEPPALIVE_INTERVAL'],
    default: '30',
    description: 'Seconds between keep-alives to the browser and to SSH hosts; 3 missed close.',
    parse: (value) => parseInteger(value, 1, 3600),
  }),
  variable({
    key: 'listenAddress',
    name: 'SEASHELL_LISTEN_ADDRESS',
    default: '127.0.0.1',
    description: 'Address to listen on. Loopback only until sign-in exists.',
    parse: (value) =>
      isLoopback(value)
        ? value
        : {
            problem:
              'is not a loopback address. The relay has no sign-in yet, so anyone who can reach '
              + 'it could use it to reach your SSH hosts; it listens on 127.0.0.1 or ::1 only',
          },
  }),
] as const;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

/** Reads the configuration from `env`; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): RelayConfig {
  const raw = readRaw(env);
  const withDefaults = applyDefaults(raw);
  return verify(withDefaults);
}

type RawValues = Map<string, { value: string; from: string } | { problem: string }>;

function readRaw(env: NodeJS.ProcessEnv): RawValues {
  const raw: RawValues = new Map();
  for (const spec of VARIABLES) {
    const present = [spec.name, ...(spec.aliases ?? [])]
      .filter((name) => env[name] !== undefined)
      .map((name) => ({ from: name, value: env[name]!.trim() }));
    const distinct = new Set(present.map((entry) => entry.value));
    if (distinct.size > 1) {
      const names = present.map((entry) => `${entry.from}=${JSON.stringify(entry.value)}`);
      raw.set(spec.name, { problem: `${names.join(' and ')} disagree; set only one` });
    } else if (present[0]) {
      raw.set(spec.name, present[0]);
    }
  }
  return raw;
}

function applyDefaults(raw: RawValues): RawValues {
  const complete: RawValues = new Map(raw);
  for (const spec of VARIABLES) {
    if (!complete.has(spec.name)) complete.set(spec.name, { value: spec.default, from: spec.name });
  }
  return complete;
}

function verify(values: RawValues): RelayConfig {
  const problems: string[] = [];
  const config: Partial<Record<keyof RelayConfig, unknown>> = {};
  for (const spec of VARIABLES) {
    const entry = values.get(spec.name)!;
    if ('problem' in entry) {
      problems.push(entry.problem);
      continue;
    }
    const parsed = spec.parse(entry.value);
    if (typeof parsed === 'object' && parsed !== null && 'problem' in parsed) {
      problems.push(`${entry.from}=${JSON.stringify(entry.value)} ${parsed.problem}`);
    } else {
      config[spec.key] = parsed;
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config as RelayConfig;
}

function parseInteger(value: string, min: number, max: number): number | { problem: string } {
  if (!/^\d+$/.test(value)) return { problem: 'is not a whole number' };
  const number = Number(value);
  if (number < min || number > max) return { problem: `is outside ${min}..${max}` };
  return number;
}

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

export function isLoopback(address: string): boolean {
  if (address === 'localhost') return true;
  if (isIP(address) === 4) return address.startsWith('127.');
  if (isIP(address) === 6) return address === '::1';
  return false;
}
