/**
 * The second baseline: OpenSSH's own client, `ssh -tt`, whose stdout the bench reads.
 * It shows what a person gets from a terminal with no browser and no relay at all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { RunningSshd } from '../../testing/sshd.ts';
import type { OutputListener, Path, Terminal } from './path.ts';

/** ssh's own complaints, kept for the error message when a run fails. */
const MAX_STDERR_CHARS = 4 * 1024;

export function opensshPath(sshd: RunningSshd): Path {
  const argsFor = (command: string): string[] => [
    '-tt',
    // The calling user's ~/.ssh/config must not change what is measured.
    '-F', '/dev/null',
    '-i', sshd.user.privateKeyPath,
    '-o', 'StrictHostKeyChecking=no',
    '-o', 'UserKnownHostsFile=/dev/null',
    '-o', 'BatchMode=yes',
    '-o', 'LogLevel=ERROR',
    '-p', String(sshd.port),
    `${sshd.user.name}@${sshd.host}`,
    command,
  ];
  return {
    name: 'openssh',
    describe: () => `ssh ${argsFor('<command>').join(' ')}`,
    open: (command, onOutput) => Promise.resolve(spawnSsh(argsFor(command), onOutput)),
  };
}

/** Every ssh still running, killed by PID if the bench exits without tearing it down. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function spawnSsh(args: string[], onOutput: OutputListener): Terminal {
  // ssh has no "ready" moment to wait for: keystrokes written early wait in the pipe.
  const child = spawn('ssh', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  child.stdout!.on('data', (chunk: Buffer) => onOutput(chunk, process.hrtime.bigint()));

  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-MAX_STDERR_CHARS);
  });
  // ssh may exit while a write is pending; its exit status reports the failure.
  child.stdin!.on('error', () => {});

  const ended = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    // 'close' comes after stdout has been read to its end, so no output is still pending.
    child.once('close', (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`ssh exited with ${code ?? signal}: ${stderr.trim()}`));
    });
  });
  ended.catch(() => {});

  return {
    write: (data) => child.stdin!.write(data),
    ended,
    destroy: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
