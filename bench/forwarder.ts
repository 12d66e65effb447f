/**
 * A bare TCP forwarder, run as its own process: it copies bytes between a client and
 * sshd and does nothing else. ssh2 through it shows what any relay pays for being a
 * separate process on the path (one more hop, two more wake-ups per round trip), so the
 * relay's own cost is what it adds beyond this.
 *
 * Run: `node --import tsx bench/forwarder.ts <target port>`; prints its own port.
 */
import { connect, createServer, type Socket } from 'node:net';

const targetPort = Number(process.argv[2]);
if (!Number.isInteger(targetPort) || targetPort < 1 || targetPort > 65_535) {
  process.stderr.write('usage: forwarder.ts <target port on 127.0.0.1>\n');
  process.exit(2);
}

const server = createServer((client: Socket) => {
  const upstream = connect({ host: '127.0.0.1', port: targetPort });
  for (const socket of [client, upstream]) {
    socket.setNoDelay(true);
    socket.on('error', () => {
      client.destroy();
      upstream.destroy();
    });
  }
  client.pipe(upstream);
  upstream.pipe(client);
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (typeof address === 'object' && address !== null) process.stdout.write(`${address.port}\n`);
});
