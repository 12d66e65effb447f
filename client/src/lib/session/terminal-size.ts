import {
  MAX_TERMINAL_CELLS,
  MAX_TERMINAL_PIXELS,
  type TerminalSize,
} from '../../../../shared/protocol/index.ts';

/**
 * Keeps a measured size inside what OPEN and RESIZE can carry. A hidden or collapsed
 * container measures 0 × 0, which the protocol refuses; one cell is the honest minimum.
 */
export function clampTerminalSize(size: TerminalSize): TerminalSize {
  return {
    cols: clamp(size.cols, 1, MAX_TERMINAL_CELLS),
    rows: clamp(size.rows, 1, MAX_TERMINAL_CELLS),
    widthPx: clamp(size.widthPx, 0, MAX_TERMINAL_PIXELS),
    heightPx: clamp(size.heightPx, 0, MAX_TERMINAL_PIXELS),
  };
}

function clamp(value: number, min: number, max: number): number {
  if (!Number.isFinite(value)) return min;
  return Math.min(max, Math.max(min, Math.round(value)));
}
