/**
 * The xterm.js terminal of one session, with its addons. Browser only.
 */
import { FitAddon } from '@xterm/addon-fit';
import { WebglAddon } from '@xterm/addon-webgl';
import { Terminal, type ITheme } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { TerminalSize } from '../../../../shared/protocol/index.ts';
import type { RendererChoice } from './renderer-setting.ts';

/** Lines kept above the screen; about 1 MB of cells at 200 columns. */
const SCROLLBACK_LINES = 5_000;

const THEME: ITheme = {
  background: '#0d1117',
  foreground: '#e6edf3',
  cursor: '#4fd1c5',
  cursorAccent: '#0d1117',
  selectionBackground: '#264f78',
};

/** Local fonts only: the app makes no network request beyond its relay. */
const FONT_FAMILY = 'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace';

export class XtermView {
  readonly terminal: Terminal;
  private readonly fitAddon = new FitAddon();

  constructor(container: HTMLElement, renderer: RendererChoice) {
    this.terminal = new Terminal({
      cursorBlink: true,
      fontFamily: FONT_FAMILY,
      fontSize: 14,
      scrollback: SCROLLBACK_LINES,
      theme: THEME,
    });
    this.terminal.loadAddon(this.fitAddon);
    this.terminal.open(container);
    if (renderer === 'webgl') this.loadWebgl();
    this.fit();
  }

  /** Resizes the grid to fill the container; xterm.js reports any change with onResize. */
  fit(): void {
    this.fitAddon.fit();
  }

  size(): TerminalSize {
    // xterm.js has no public pixel size; its screen element is exactly the drawn grid.
    const screen = this.terminal.element?.querySelector<HTMLElement>('.xterm-screen');
    return {
      cols: this.terminal.cols,
      rows: this.terminal.rows,
      widthPx: screen?.clientWidth ?? 0,
      heightPx: screen?.clientHeight ?? 0,
    };
  }

  /** Also disposes the addons. */
  dispose(): void {
    this.terminal.dispose();
  }

  private loadWebgl(): void {
    let webgl: WebglAddon;
    try {
      webgl = new WebglAddon();
      this.terminal.loadAddon(webgl);
    } catch (error) {
      console.warn('WebGL is unavailable; drawing the terminal with the DOM renderer.', error);
      return;
    }
    webgl.onContextLoss(() => {
      // The GPU dropped the context (driver reset, too many contexts): without the addon
      // xterm.js draws with its DOM renderer again.
      console.warn('The WebGL context was lost; drawing the terminal with the DOM renderer.');
      webgl.dispose();
    });
  }
}
