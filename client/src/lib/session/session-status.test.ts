import { describe, expect, it } from 'vitest';
import { SessionPhase } from '../../../../shared/protocol/index.ts';
import { statusText } from './session-status.ts';

describe('statusText', () => {
  it('shows the phase and the relay detail while the session opens', () => {
    const phase = { phase: SessionPhase.resolving, detail: 'build.example.net' };
    expect(statusText({ stage: 'opening', phase, roundTripMs: undefined }))
      .toBe('Resolving: build.example.net');
    expect(statusText({
      stage: 'opening',
      phase: { phase: SessionPhase.authenticating, detail: '' },
      roundTripMs: undefined,
    })).toBe('Authenticating…');
  });

  it('adds the last round trip once connected', () => {
    expect(statusText({ stage: 'ready', phase: undefined, roundTripMs: 12.4 }))
      .toBe('Connected · 12 ms round trip');
    expect(statusText({ stage: 'ready', phase: undefined, roundTripMs: undefined }))
      .toBe('Connected');
  });
});
