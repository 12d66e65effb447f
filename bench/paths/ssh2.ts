/**
 * The baseline the relay is measured against: ssh2's Client in this process, with the
 * same settings the relay gives it (ssh2's default algorithms, TCP_NODELAY on the socket,
 * password authentication), so the difference is what the relay adds.
 */
import { connect, type Socket } from 'node:net';
import { Client, type ClientChannel } from 'ssh2';
import type { RunningSshd } from '../../testing/sshd.ts';
import { withTimeout } from '../deadline.ts';
import { OPEN_TIMEOUT_MS, PTY, type OutputListener, type Path, type Terminal } from './path.ts';

export interface Ssh2Path extends Path {
  /** The cipher ssh2 agreed on (client to server) in the last handshake, for the report. */
  lastCipher(): string | undefined;
}

/**
 * ssh2 to sshd, or, with `via`, to that port instead: the forwarder that stands in for
 * the cost of an extra process on the path.
 */
export function ssh2Path(sshd: RunningSshd, via?: { port: number }): Ssh2Path {
  let cipher: string | undefined;
  const port = via?.port ?? sshd.port;
  return {
    name: via ? 'forwarded' : 'ssh2',
    describe: () => `ssh2 Client in the bench process, default algorithms, cipher ${cipher}`
      + (via ? `, through a bare TCP forwarder process on port ${port}` : ''),
    lastCipher: () => cipher,
    open: async (command, onOutput) => {
      const { terminal, negotiatedCipher } = await withTimeout(
        openDirect(sshd, port, command, onOutput),
        OPEN_TIMEOUT_MS,
        `opening ${JSON.stringify(command)} with ssh2`,
      );
      cipher = negotiatedCipher;
      return terminal;
    },
  };
}

async function openDirect(
  sshd: RunningSshd,
  port: number,
  command: string,
  onOutput: OutputListener,
): Promise<{ terminal: Terminal; negotiatedCipher: string | undefined }> {
  // The relay dials TCP itself and turns Nagle off before handing the socket to ssh2.
  const socket = await dial(port);
  const client = new Client();
  let negotiatedCipher: string | undefined;
  client.on('handshake', (negotiated) => (negotiatedCipher = negotiated.cs.cipher));

  const destroy = (): void => {
    client.end();
    socket.destroy();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      client.once('ready', resolve);
      client.once('error', reject);
      client.connect({
        sock: socket,
        username: sshd.user.name,
        password: sshd.user.password,
        hostVerifier: () => true,
        readyTimeout: 0,
      });
    });
    const channel = await new Promise<ClientChannel>((resolve, reject) => {
      client.exec(command, { pty: { ...PTY } }, (error, opened) => {
        if (error) reject(error);
        else resolve(opened);
      });
    });
    return { terminal: attach(client, channel, command, onOutput, destroy), negotiatedCipher };
  } catch (error) {
    destroy();
    throw error;
  }
}

function dial(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      socket.setNoDelay(true);
      resolve(socket);
    });
  });
}

function attach(
  client: Client,
  channel: ClientChannel,
  command: string,
  onOutput: OutputListener,
  destroy: () => void,
): Terminal {
  const deliver = (chunk: Buffer): void => onOutput(chunk, process.hrtime.bigint());
  channel.on('data', deliver);
  channel.stderr.on('data', deliver);

  let exitCode: number | null | undefined;
  channel.on('exit', (code: number | null) => (exitCode = code));
  const ended = new Promise<void>((resolve, reject) => {
    client.once('error', reject);
    channel.once('close', () => {
      destroy();
      if (exitCode === 0) resolve();
      else reject(new Error(`ssh2: ${JSON.stringify(command)} exited with ${String(exitCode)}`));
    });
  });
  ended.catch(() => {});

  return { write: (data) => channel.write(data), ended, destroy };
}
