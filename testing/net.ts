import { createConnection, createServer } from 'node:net';

/** A port that was free a moment ago on 127.0.0.1 (the kernel picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (typeof address === 'object' && address !== null) resolve(address.port);
        else reject(new Error('the kernel gave no port'));
      });
    });
  });
}

/** SSH identification lines are at most 255 bytes (RFC 4253 section 4.2). */
const MAX_BANNER_BYTES = 255;

/** Connects to 127.0.0.1:port and returns the first line the server sends. */
export function readSshBanner(port: number, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let received = '';
    const finish = (error: Error | undefined, banner?: string) => {
      socket.destroy();
      if (error) reject(error);
      else resolve(banner ?? '');
    };
    socket.setTimeout(timeoutMs, () =>
      finish(new Error(`no SSH banner from 127.0.0.1:${port} within ${timeoutMs} ms`)));
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      received += chunk;
      const end = received.indexOf('\n');
      if (end !== -1) finish(undefined, received.slice(0, end).replace(/\r$/, ''));
      else if (received.length > MAX_BANNER_BYTES) finish(undefined, received);
    });
    socket.once('error', (error) => finish(error));
    socket.once('end', () => finish(new Error(`127.0.0.1:${port} closed before a banner`)));
  });
}
