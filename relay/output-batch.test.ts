import { describe, expect, it } from 'vitest';
import { decodeRelayFrame } from '../shared/protocol/index.ts';
import { OutputBatch } from './output-batch.ts';

function collect() {
  const sent: { data: number[]; payloadBytes: number }[] = [];
  const batch = new OutputBatch((frame, payloadBytes) => {
    const decoded = decodeRelayFrame(frame);
    if (!decoded.ok || decoded.frame.type !== 'output') throw new Error('not an OUTPUT frame');
    sent.push({ data: [...decoded.frame.data], payloadBytes });
  }, 8);
  return { sent, batch };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('OutputBatch', () => {
  it('sends reads of one event-loop turn as one frame, in order', async () => {
    const { sent, batch } = collect();
    batch.add(Uint8Array.of(1, 2));
    batch.add(Uint8Array.of(3));
    expect(sent).toEqual([]);
    await tick();
    expect(sent).toEqual([{ data: [1, 2, 3], payloadBytes: 3 }]);
  });

  it('never builds a frame above its cap, splitting large reads', async () => {
    const { sent, batch } = collect();
    batch.add(Uint8Array.of(1, 2, 3, 4, 5, 6));
    batch.add(Uint8Array.from({ length: 12 }, (_, i) => 10 + i));
    await tick();
    expect(sent.map((frame) => frame.data)).toEqual([
      [1, 2, 3, 4, 5, 6],
      [10, 11, 12, 13, 14, 15, 16, 17],
      [18, 19, 20, 21],
    ]);
  });

  it('sends what it holds on flush, and nothing after dispose', async () => {
    const { sent, batch } = collect();
    batch.add(Uint8Array.of(7));
    batch.flush();
    expect(sent).toHaveLength(1);
    batch.add(Uint8Array.of(8));
    batch.dispose();
    await tick();
    expect(sent).toHaveLength(1);
  });
});
