/**
 * WebSocket keep-alives for every session with one timer, not one per session: each
 * interval, a socket that has not answered the previous ping is taken for dead.
 */
import type { WebSocket } from 'ws';

export class Heartbeat {
  private readonly alive = new Map<WebSocket, () => void>();
  private readonly answered = new WeakSet<WebSocket>();
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs: number) {
    this.timer = setInterval(() => this.beat(), intervalMs);
    this.timer.unref();
  }

  /** Watches `socket`; `onDead` runs once if it stops answering. Returns the disposer. */
  watch(socket: WebSocket, onDead: () => void): () => void {
    const onPong = (): void => {
      this.answered.add(socket);
    };
    this.answered.add(socket);
    socket.on('pong', onPong);
    this.alive.set(socket, onDead);
    return () => {
      socket.off('pong', onPong);
      this.alive.delete(socket);
    };
  }

  dispose(): void {
    clearInterval(this.timer);
    this.alive.clear();
  }

  private beat(): void {
    for (const [socket, onDead] of this.alive) {
      if (!this.answered.has(socket)) {
        this.alive.delete(socket);
        onDead();
        continue;
      }
      this.answered.delete(socket);
      socket.ping();
    }
  }
}
