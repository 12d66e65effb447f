/** The path under test: RelayClient → WebSocket → relay process → ssh2 → sshd. */
import { ExitKind } from '../../shared/protocol/index.ts';
import { RelayClient } from '../../testing/relay-client.ts';
import type { RunningSshd } from '../../testing/sshd.ts';
import { withTimeout } from '../deadline.ts';
import { OPEN_TIMEOUT_MS, PTY, type OutputListener, type Path, type Terminal } from './path.ts';

export function relayPath(relayUrl: string, sshd: RunningSshd): Path {
  return {
    name: 'relay',
    describe: () => `RelayClient over ${relayUrl}, password auth, output ACKed on arrival`,
    open: (command, onOutput) => openThroughRelay(relayUrl, sshd, command, onOutput),
  };
}

async function openThroughRelay(
  url: string,
  sshd: RunningSshd,
  command: string,
  onOutput: OutputListener,
): Promise<Terminal> {
  const client = await withTimeout(
    RelayClient.connect({
      url,
      answers: { hostKey: () => true, auth: () => [sshd.user.password] },
      keepOutput: false,
    }),
    OPEN_TIMEOUT_MS,
    `connecting to the relay at ${url}`,
  );
  client.onFrame((frame) => {
    if (frame.type === 'output') onOutput(frame.data, process.hrtime.bigint());
  });

  const ended = client.ended.then((ending) => {
    if (ending.kind === 'exit' && ending.frame.kind === ExitKind.code && ending.frame.code === 0) {
      return;
    }
    throw new Error(`relay session for ${JSON.stringify(command)} ended badly: `
      + JSON.stringify(ending));
  });
  // A failure before anyone awaits `ended` is reported by the caller's own wait.
  ended.catch(() => {});

  client.open({ host: sshd.host, port: sshd.port, user: sshd.user.name, command, ...PTY });
  try {
    await client.waitFor('ready', OPEN_TIMEOUT_MS);
  } catch (error) {
    client.close();
    throw error;
  }

  return {
    write: (data) => client.send({ type: 'input', data }),
    ended,
    destroy: () => client.close(),
  };
}
