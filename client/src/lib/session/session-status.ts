/**
 * The one-line status shown above the terminal.
 */
import { SessionPhase, type PhaseFrame } from '../../../../shared/protocol/index.ts';

export type SessionStage = 'connecting' | 'opening' | 'ready' | 'ended';

const PHASE_LABELS: Record<PhaseFrame['phase'], string> = {
  [SessionPhase.resolving]: 'Resolving',
  [SessionPhase.connecting]: 'Connecting',
  [SessionPhase.handshaking]: 'Handshaking',
  [SessionPhase.authenticating]: 'Authenticating',
  [SessionPhase.opening]: 'Opening',
};

export interface StatusSnapshot {
  stage: SessionStage;
  phase: Omit<PhaseFrame, 'type'> | undefined;
  roundTripMs: number | undefined;
}

export function statusText({ stage, phase, roundTripMs }: StatusSnapshot): string {
  switch (stage) {
    case 'connecting':
      return 'Connecting to the relay…';
    case 'opening': {
      if (!phase) return 'Opening a session…';
      const label = PHASE_LABELS[phase.phase];
      return phase.detail ? `${label}: ${phase.detail}` : `${label}…`;
    }
    case 'ready':
      return roundTripMs === undefined
        ? 'Connected'
        : `Connected · ${Math.round(roundTripMs)} ms round trip`;
    case 'ended':
      return 'Disconnected';
  }
}
