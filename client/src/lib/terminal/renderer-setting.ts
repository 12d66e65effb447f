/**
 * Which xterm.js renderer to draw with. WebGL is fast; the DOM renderer keeps the screen
 * as text in `.xterm-rows`, which end-to-end tests read. Set it in the browser console:
 * `localStorage.setItem('seashell.renderer', 'dom')`, then reload.
 */

export const RENDERER_STORAGE_KEY = 'seashell.renderer';

export const RENDERERS = ['webgl', 'dom'] as const;

export type RendererChoice = (typeof RENDERERS)[number];

export const DEFAULT_RENDERER: RendererChoice = 'webgl';

export interface RendererSetting {
  renderer: RendererChoice;
  /** Why the stored value was not used, for the console. */
  problem?: string;
}

export function readRendererSetting(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): RendererSetting {
  let stored: string | null;
  try {
    stored = storage?.getItem(RENDERER_STORAGE_KEY) ?? null;
  } catch (error) {
    // Some privacy modes throw on any localStorage access.
    const reason = error instanceof Error ? error.message : String(error);
    return { renderer: DEFAULT_RENDERER, problem: `localStorage is unavailable (${reason})` };
  }

  if (stored === null) return { renderer: DEFAULT_RENDERER };
  if ((RENDERERS as readonly string[]).includes(stored)) {
    return { renderer: stored as RendererChoice };
  }
  return {
    renderer: DEFAULT_RENDERER,
    problem: `${RENDERER_STORAGE_KEY} is ${JSON.stringify(stored)}; use one of `
      + `${RENDERERS.join(', ')}. Drawing with ${DEFAULT_RENDERER}.`,
  };
}
