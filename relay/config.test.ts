import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, VARIABLES } from './config.ts';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    expect(loadConfig({})).toEqual({
      hostname: 'localhost',
      port: 8888,
      tls: 'off',
      logLevel: 'info',
      keepaliveIntervalSeconds: 30,
      listenAddress: '127.0.0.1',
    });
  });

  it('reads Cased Shell names', () => {
    const config = loadConfig({
      CASED_SHELL_HOSTNAME: 'Shell.Example.com',
      CASED_SHELL_PORT: '9000',
      CASED_SHELL_LOG_LEVEL: 'DEBUG',
      CASED_SHELL_KEEPALIVE_INTERVAL: '15',
    });
    expect(config).toMatchObject({
      hostname: 'shell.example.com',
      port: 9000,
      logLevel: 'debug',
      keepaliveIntervalSeconds: 15,
    });
  });

  it('accepts the misspelled keep-alive name from Cased docs as an alias', () => {
    expect(loadConfig({ CASED_SHELL_KEPPALIVE_INTERVAL: '7' }).keepaliveIntervalSeconds).toBe(7);
  });

  it('refuses the alias and the real name when they disagree, naming both', () => {
    const [problem] = problemsOf({
      CASED_SHELL_KEEPALIVE_INTERVAL: '10',
      CASED_SHELL_KEPPALIVE_INTERVAL: '20',
    });
    expect(problem).toContain('CASED_SHELL_KEEPALIVE_INTERVAL="10"');
    expect(problem).toContain('CASED_SHELL_KEPPALIVE_INTERVAL="20"');
  });

  it('names every bad variable and its value at once, with no silent fallback', () => {
    const problems = problemsOf({
      CASED_SHELL_PORT: '80a',
      CASED_SHELL_TLS: 'lets-encrypt',
      CASED_SHELL_LOG_LEVEL: 'loud',
      CASED_SHELL_KEEPALIVE_INTERVAL: '0',
    });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toBe('CASED_SHELL_PORT="80a" is not a whole number');
    expect(problems[1]).toMatch(/^CASED_SHELL_TLS="lets-encrypt" is not supported yet/);
    expect(problems[2]).toMatch(/^CASED_SHELL_LOG_LEVEL="loud" must be one of/);
    expect(problems[3]).toBe('CASED_SHELL_KEEPALIVE_INTERVAL="0" is outside 1..3600');
  });

  it('refuses to listen beyond loopback until sign-in exists, and says why', () => {
    for (const address of ['0.0.0.0', '::', '192.0.2.10', 'example.com']) {
      const [problem] = problemsOf({ SEASHELL_LISTEN_ADDRESS: address });
      expect(problem).toContain(`SEASHELL_LISTEN_ADDRESS="${address}" is not a loopback address`);
      expect(problem).toContain('no sign-in');
    }
    for (const address of ['127.0.0.1', '127.0.0.2', '::1', 'localhost']) {
      expect(loadConfig({ SEASHELL_LISTEN_ADDRESS: address }).listenAddress).toBe(address);
    }
  });

  it('is documented: every variable and alias appears in the README table', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const spec of VARIABLES) {
      expect(readme).toContain(`\`${spec.name}\``);
      for (const alias of spec.aliases ?? []) expect(readme).toContain(`\`${alias}\``);
    }
  });
});
