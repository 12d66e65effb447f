import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Keepalive, PING_INTERVAL_MS } from './keepalive.ts';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function keepalive() {
  const pings: number[] = [];
  const roundTrips: number[] = [];
  let lost = 0;
  const alive = new Keepalive({
    now: () => Date.now(),
    ping: (nonce) => pings.push(nonce),
    roundTrip: (ms) => roundTrips.push(ms),
    lost: () => lost++,
  });
  return { alive, pings, roundTrips, lost: () => lost };
}

describe('Keepalive', () => {
  it('pings once per interval with a fresh nonce', () => {
    const { alive, pings } = keepalive();
    alive.start();

    vi.advanceTimersByTime(PING_INTERVAL_MS - 1);
    expect(pings).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(pings).toEqual([1]);
    alive.pong(1);
    vi.advanceTimersByTime(PING_INTERVAL_MS);
    expect(pings).toEqual([1, 2]);
    alive.stop();
  });

  it('reports the round trip of an answered ping', () => {
    const { alive, pings, roundTrips } = keepalive();
    alive.start();
    vi.advanceTimersByTime(PING_INTERVAL_MS);
    vi.advanceTimersByTime(42);
    alive.pong(pings[0]!);

    expect(roundTrips).toEqual([42]);
    alive.stop();
  });

  it('gives up when no pong comes within two intervals of a ping', () => {
    const { alive, pings, lost } = keepalive();
    alive.start();

    vi.advanceTimersByTime(2 * PING_INTERVAL_MS);
    expect(pings).toEqual([1, 2]);
    expect(lost()).toBe(0);
    vi.advanceTimersByTime(PING_INTERVAL_MS);
    expect(lost()).toBe(1);

    vi.advanceTimersByTime(10 * PING_INTERVAL_MS);
    expect(pings).toEqual([1, 2]);
    expect(lost()).toBe(1);
  });

  it('stays alive while pongs keep coming, even late ones', () => {
    const { alive, pings, lost } = keepalive();
    alive.start();
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(2 * PING_INTERVAL_MS);
      alive.pong(pings.at(-1)!);
    }
    expect(lost()).toBe(0);
    alive.stop();
  });

  it('ignores a pong with a nonce it never sent', () => {
    const { alive, roundTrips, lost } = keepalive();
    alive.start();
    vi.advanceTimersByTime(PING_INTERVAL_MS);
    alive.pong(999);
    vi.advanceTimersByTime(2 * PING_INTERVAL_MS);

    expect(roundTrips).toEqual([]);
    expect(lost()).toBe(1);
  });

  it('sends nothing once stopped', () => {
    const { alive, pings } = keepalive();
    alive.start();
    alive.stop();
    vi.advanceTimersByTime(5 * PING_INTERVAL_MS);
    expect(pings).toEqual([]);
  });
});
