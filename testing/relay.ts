/**
 * Starts a relay inside the test process on a free loopback port, with its log lines
 * kept in memory so tests can assert on them (and on what they must never contain).
 */
import { Writable } from 'node:stream';
import { loadConfig, type RelayConfig } from '../relay/config.ts';
import { createLogger } from '../relay/logger.ts';
import { CLIENT_DIR } from '../relay/paths.ts';
import { startRelay, type Relay, type RelayOptions } from '../relay/server.ts';

export interface TestRelay {
  relay: Relay;
  /** `ws://127.0.0.1:PORT/ws` */
  url: string;
  origin: string;
  /** Every log line written so far, raw. */
  logs: string[];
  close(): Promise<void>;
}

export async function startTestRelay(
  overrides: Partial<RelayConfig> = {},
  extra: Pick<RelayOptions, 'record' | 'handshakeTimeoutMs'> = {},
): Promise<TestRelay> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const config = { ...loadConfig({ CASED_SHELL_LOG_LEVEL: 'debug' }), port: 0, ...overrides };
  const relay = await startRelay({
    config,
    logger: createLogger(config.logLevel, sink),
    staticDir: CLIENT_DIR,
    ...extra,
  });
  const origin = `http://127.0.0.1:${relay.port}`;
  return {
    relay,
    url: `ws://127.0.0.1:${relay.port}/ws`,
    origin,
    logs,
    close: () => relay.close(),
  };
}
