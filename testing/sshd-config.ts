import { TEST_USER_NAME } from './test-user.ts';

export interface SshdConfigInput {
  port: number;
  hostKeyPath: string;
  pidFile: string;
  authorizedKeysFile: string;
  usePam: boolean;
  passwordAuthentication: boolean;
  kbdInteractive: boolean;
  /** Raw sshd_config lines, such as `AuthenticationMethods ...` or a `Match` block. */
  extraConfig: string[];
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

/**
 * The harness's sshd_config. sshd keeps the first value it reads for a keyword, so
 * extra lines come before the defaults and win; a `Match` block must come last, so
 * everything from the first `Match` on goes after them.
 */
export function renderSshdConfig(input: SshdConfigInput): string {
  const firstMatch = input.extraConfig.findIndex((line) => /^\s*Match\s/i.test(line));
  const split = firstMatch === -1 ? input.extraConfig.length : firstMatch;
  const lines = [
    '# Written by testing/sshd.ts for one test server; deleted when it stops.',
    ...input.extraConfig.slice(0, split),
    `Port ${input.port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${input.hostKeyPath}`,
    `PidFile ${input.pidFile}`,
    `UsePAM ${yesNo(input.usePam)}`,
    `PasswordAuthentication ${yesNo(input.passwordAuthentication)}`,
    `KbdInteractiveAuthentication ${yesNo(input.kbdInteractive)}`,
    'PubkeyAuthentication yes',
    `AuthorizedKeysFile ${input.authorizedKeysFile}`,
    'LogLevel VERBOSE',
    // The key files live under the repository, which the test user does not own.
    'StrictModes no',
    'PermitRootLogin no',
    `AllowUsers ${TEST_USER_NAME}`,
    // Benchmarks and parallel tests open many connections at once.
    'MaxStartups 200',
    'MaxSessions 50',
    'UseDNS no',
    // As Debian's own sshd_config: clients may say which locale their terminal speaks.
    'AcceptEnv LANG LC_*',
    'ClientAliveInterval 0',
    // Keep terminal output predictable for tests that read it.
    'PrintMotd no',
    'PrintLastLog no',
    'Subsystem sftp internal-sftp',
    ...input.extraConfig.slice(split),
  ];
  return `${lines.join('\n')}\n`;
}
