/**
 * Which Host and Origin headers the relay answers to.
 *
 * Checking Origin stops other web sites from opening sockets with a visitor's browser.
 * Checking Host as well stops DNS rebinding, where a hostile name is pointed at
 * 127.0.0.1 so that its pages count as same-origin with the relay.
 */
import type { RelayConfig } from './config.ts';

export interface OriginPolicy {
  /** Whether the Host header names this relay. */
  allowsHost(host: string | undefined): boolean;
  /** Whether a browser page at `origin` may open sockets; Host was checked before. */
  allowsOrigin(origin: string | undefined, host: string): boolean;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

export function createOriginPolicy(config: Pick<RelayConfig, 'hostname' | 'port'>): OriginPolicy {
  const names = new Set([config.hostname, ...LOOPBACK_NAMES]);
  const hosts = new Set([...names].map((name) => `${name}:${config.port}`));
  if (config.port === 80) for (const name of names) hosts.add(name);

  return {
    allowsHost: (host) => host !== undefined && hosts.has(host.toLowerCase()),
    allowsOrigin: (origin, host) =>
      origin !== undefined && origin.toLowerCase() === `http://${host.toLowerCase()}`,
  };
}
