/**
 * Browser-side keep-alive. A relay that vanishes without closing the socket (a sleeping
 * laptop, a dropped NAT mapping) would otherwise leave a terminal that looks alive but
 * never answers.
 */

/** Time between PINGs while the socket is open. */
export const PING_INTERVAL_MS = 15_000;

/** Intervals without any PONG after which the relay counts as lost. */
export const MISSED_PING_INTERVALS = 2;

export interface KeepaliveOptions {
  /** Default PING_INTERVAL_MS. */
  intervalMs?: number;
  /** Monotonic milliseconds; default performance.now. */
  now?: () => number;
  /** Sends a PING with this nonce. */
  ping(nonce: number): void;
  /** A PONG answered a PING after `ms` milliseconds. */
  roundTrip(ms: number): void;
  /** No PONG came for MISSED_PING_INTERVALS intervals; the keep-alive has stopped. */
  lost(): void;
}

export class Keepalive {
  private readonly intervalMs: number;
  private readonly now: () => number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private nextNonce = 1;
  /** Nonce to send time. Holds at most MISSED_PING_INTERVALS entries before `lost`. */
  private readonly unanswered = new Map<number, number>();
  private waitingSince: number | undefined;

  constructor(private readonly options: KeepaliveOptions) {
    this.intervalMs = options.intervalMs ?? PING_INTERVAL_MS;
    this.now = options.now ?? (() => performance.now());
  }

  start(): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.unanswered.clear();
    this.waitingSince = undefined;
  }

  /** A PONG arrived. One we did not send is ignored. */
  pong(nonce: number): void {
    const sentAt = this.unanswered.get(nonce);
    if (sentAt === undefined) return;

    this.unanswered.clear();
    this.waitingSince = undefined;
    this.options.roundTrip(this.now() - sentAt);
  }

  private tick(): void {
    const now = this.now();
    const silentFor = this.waitingSince === undefined ? 0 : now - this.waitingSince;
    if (silentFor >= MISSED_PING_INTERVALS * this.intervalMs) {
      this.stop();
      this.options.lost();
      return;
    }

    const nonce = this.nextNonce;
    this.nextNonce = (nonce + 1) >>> 0;
    this.unanswered.set(nonce, now);
    this.waitingSince ??= now;
    this.options.ping(nonce);
  }
}
