import { describe, expect, it } from 'vitest';
import { AckOverrunError, OutputFlow } from './flow.ts';

function recorder() {
  const calls: string[] = [];
  return {
    calls,
    target: { pause: () => calls.push('pause'), resume: () => calls.push('resume') },
  };
}

describe('OutputFlow', () => {
  it('pauses at the high watermark and resumes only at the low one', () => {
    const { calls, target } = recorder();
    const flow = new OutputFlow(target, 100, 40, 1000);
    flow.sent(60, 0);
    expect(calls).toEqual([]);
    flow.sent(40, 0);
    expect(calls).toEqual(['pause']);
    flow.sent(10, 0);
    flow.acknowledged(50);
    expect(flow.unacknowledgedBytes).toBe(60);
    expect(calls).toEqual(['pause']);
    flow.acknowledged(20);
    expect(calls).toEqual(['pause', 'resume']);
    expect(flow.isPaused).toBe(false);
  });

  it('pauses while the socket queue is full, even when acknowledgements keep up', () => {
    const { calls, target } = recorder();
    const flow = new OutputFlow(target, 100, 40, 1000);
    flow.sent(10, 1500);
    expect(calls).toEqual(['pause']);
    flow.acknowledged(10);
    expect(calls).toEqual(['pause']);
    flow.socketDrained(0);
    expect(calls).toEqual(['pause', 'resume']);
  });

  it('refuses acknowledgements for bytes never sent', () => {
    const flow = new OutputFlow(recorder().target, 100, 40, 1000);
    flow.sent(10, 0);
    expect(() => flow.acknowledged(11)).toThrow(AckOverrunError);
    expect(flow.unacknowledgedBytes).toBe(10);
  });
});
