import { describe, expect, it } from 'vitest';
import { ACK_THRESHOLD_BYTES, OutputAckCounter } from './flow-control.ts';

describe('OutputAckCounter', () => {
  it('acknowledges a lone write as soon as it is processed', () => {
    const acks = new OutputAckCounter();
    acks.written();
    expect(acks.processed(10)).toBe(10);
  });

  it('holds small writes while others are in flight, then acknowledges them together', () => {
    const acks = new OutputAckCounter();
    acks.written();
    acks.written();
    acks.written();

    expect(acks.processed(100)).toBe(0);
    expect(acks.processed(200)).toBe(0);
    expect(acks.processed(300)).toBe(600);
  });

  it('acknowledges at the threshold even while writes remain in flight', () => {
    const acks = new OutputAckCounter();
    acks.written();
    acks.written();
    acks.written();

    expect(acks.processed(ACK_THRESHOLD_BYTES - 1)).toBe(0);
    expect(acks.processed(1)).toBe(ACK_THRESHOLD_BYTES);
    expect(acks.processed(5)).toBe(5);
  });

  it('never sends an empty acknowledgement', () => {
    const acks = new OutputAckCounter();
    acks.written();
    expect(acks.processed(0)).toBe(0);
  });

  it('acknowledges every byte exactly once over a long random run', () => {
    const acks = new OutputAckCounter();
    let seed = 7;
    const random = (limit: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % limit;
    };

    let sent = 0;
    let acked = 0;
    let inFlight: number[] = [];
    for (let step = 0; step < 5_000; step++) {
      if (inFlight.length === 0 || random(3) > 0) {
        const size = random(40_000);
        acks.written();
        inFlight.push(size);
        sent += size;
      } else {
        const ack = acks.processed(inFlight.shift()!);
        expect(ack).toBeLessThan(ACK_THRESHOLD_BYTES + 40_000);
        acked += ack;
      }
    }
    for (const size of inFlight) acked += acks.processed(size);
    inFlight = [];

    expect(acked).toBe(sent);
  });
});
