/**
 * Talks to the relay process through Node's inspector (started with --inspect on
 * 127.0.0.1 and a free port) to force a full garbage collection and read V8's own
 * figures. Memory per session is then what sessions retain, not garbage that V8 has not
 * collected yet; the relay's code has no hook for this, so it measures the real build.
 */
import { WebSocket } from 'ws';

const CALL_TIMEOUT_MS = 10_000;

/** The line Node prints on stderr when the inspector listens. */
export const INSPECTOR_URL_PATTERN = /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[\w-]+)/;

export interface HeapFigures {
  /** V8 heap in use after a full collection. */
  heapUsedKb: number;
  /** Memory of C++ objects bound to JavaScript ones (Buffers among them). */
  externalKb: number;
}

export class Inspector {
  private nextId = 1;
  private readonly waiting =
    new Map<number, (reply: { result?: unknown; error?: unknown }) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const reply = JSON.parse(data.toString('utf8')) as {
        id?: number;
        result?: unknown;
        error?: unknown;
      };
      if (reply.id !== undefined) this.waiting.get(reply.id)?.(reply);
    });
  }

  static async connect(url: string): Promise<Inspector> {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new Inspector(socket);
  }

  /** Collects garbage twice (the first may free what only the second can reclaim). */
  async collectGarbage(): Promise<void> {
    await this.call('HeapProfiler.collectGarbage');
    await this.call('HeapProfiler.collectGarbage');
  }

  async heap(): Promise<HeapFigures> {
    const reply = (await this.call('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    })) as { result: { value: string } };
    const usage = JSON.parse(reply.result.value) as { heapUsed: number; external: number };
    return { heapUsedKb: usage.heapUsed / 1024, externalKb: usage.external / 1024 };
  }

  close(): void {
    this.socket.close();
  }

  private call(method: string, params: object = {}): Promise<unknown> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`the relay's inspector did not answer ${method} in time`));
      }, CALL_TIMEOUT_MS);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        if (reply.error) reject(new Error(`${method} failed: ${JSON.stringify(reply.error)}`));
        else resolve(reply.result);
      });
    });
  }
}
