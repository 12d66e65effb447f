import { describe, expect, it } from 'vitest';
import { ACK_THRESHOLD_BYTES, OutputAckCounter } from './flow-control.ts';

describe('OutputAckCounter', () => {
  it('holds small amounts for a later acknowledgement of them all', () => {
    const acks = new OutputAckCounter();
    expect(acks.processed(100)).toBe(0);
    expect(acks.processed(200)).toBe(0);
    expect(acks.hasPending).toBe(true);
    expect(acks.takePending()).toBe(300);
    expect(acks.hasPending).toBe(false);
    expect(acks.takePending()).toBe(0);
  });

  it('acknowledges at once when the threshold is reached', () => {
    const acks = new OutputAckCounter();
    expect(acks.processed(ACK_THRESHOLD_BYTES - 1)).toBe(0);
    expect(acks.processed(1)).toBe(ACK_THRESHOLD_BYTES);
    expect(acks.processed(5)).toBe(0);
    expect(acks.takePending()).toBe(5);
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
    for (let step = 0; step < 5_000; step++) {
      const size = random(40_000);
      sent += size;
      const ack = acks.processed(size);
      expect(ack === 0 || ack >= ACK_THRESHOLD_BYTES).toBe(true);
      acked += ack;
      if (random(10) === 0) acked += acks.takePending();
    }
    acked += acks.takePending();

    expect(acked).toBe(sent);
  });
});
