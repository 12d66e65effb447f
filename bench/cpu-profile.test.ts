import { describe, expect, it } from 'vitest';
import { summariseProfile } from './cpu-profile.ts';

const frame = (functionName: string, url = '', lineNumber = 0) => ({
  functionName,
  url,
  lineNumber,
});

const profile = {
  nodes: [
    { id: 1, callFrame: frame('(root)') },
    { id: 2, callFrame: frame('(idle)') },
    { id: 3, callFrame: frame('decrypt', 'file:///app/node_modules/ssh2/lib/crypto.js', 9) },
    { id: 4, callFrame: frame('output', 'file:///app/dist/relay/relay/session.js', 41) },
    { id: 5, callFrame: frame('(garbage collector)') },
  ],
  // Each sample is charged the delta that follows it; the last is charged nothing.
  samples: [2, 3, 3, 4, 5, 2],
  timeDeltas: [0, 500, 3000, 1000, 2000, 2000],
};

describe('summariseProfile', () => {
  it('charges each sample the time until the next and keeps idle time apart', () => {
    const summary = summariseProfile(profile);
    expect(summary.idleMs).toBe(0.5);
    expect(summary.busyMs).toBe(8);
  });

  it('groups busy time by dependency, relay code and garbage collection', () => {
    const summary = summariseProfile(profile);
    expect(summary.byComponent.map(({ name, ms }) => [name, ms])).toEqual([
      ['ssh2', 4],
      ['relay', 2],
      ['garbage collector', 2],
    ]);
    expect(summary.byComponent[0]!.share).toBe(0.5);
  });

  it('names the busiest functions with their file and 1-based line', () => {
    const [first] = summariseProfile(profile, 1).topFunctions;
    expect(first).toEqual({ name: 'decrypt ssh2/lib/crypto.js:10', ms: 4, share: 0.5 });
  });

  it('refuses data that is not a CPU profile', () => {
    expect(() => summariseProfile({ nodes: [] })).toThrow(/not a V8 CPU profile/);
    expect(() => summariseProfile({ ...profile, samples: [1] })).toThrow(/differ in length/);
    expect(() => summariseProfile({ ...profile, samples: [9], timeDeltas: [0] }))
      .toThrow(/unknown node 9/);
  });
});
