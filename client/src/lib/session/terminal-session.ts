/**
 * One terminal session in the browser: the single owner of its WebSocket, its xterm.js
 * terminal and addons, and every listener and timer between them. `dispose()` releases
 * all of it. The protocol itself lives in SessionController.
 */
import type { IDisposable } from '@xterm/xterm';
import { CLOSE_CODES, SUBPROTOCOL } from '../../../../shared/protocol/index.ts';
import type { KnownHostBook } from '../storage/known-hosts.ts';
import type { RendererChoice } from '../terminal/renderer-setting.ts';
import { XtermView } from '../terminal/xterm-view.ts';
import { SessionController } from './session-controller.svelte.ts';
import type { SessionSocket, SessionTarget } from './session-io.ts';

/** Quiet time after the last container resize before refitting: one frame or two. */
const RESIZE_DEBOUNCE_MS = 40;

export interface TerminalSessionOptions {
  target: SessionTarget;
  knownHosts: KnownHostBook;
  renderer: RendererChoice;
  /** The relay's WebSocket endpoint; default `/ws` on this page's host. */
  url?: string;
}

/** The relay serves the app, so its WebSocket is on the page's own host. */
export function relayUrl(location: Location = globalThis.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

export class TerminalSession {
  readonly controller: SessionController;
  private readonly view: XtermView;
  private readonly socket: WebSocket;
  private readonly resizeObserver: ResizeObserver;
  private readonly subscriptions: IDisposable[] = [];
  private resizeTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(container: HTMLElement, options: TerminalSessionOptions) {
    this.view = new XtermView(container, options.renderer);
    this.socket = new WebSocket(options.url ?? relayUrl(), [SUBPROTOCOL]);
    this.socket.binaryType = 'arraybuffer';

    const terminal = this.view.terminal;
    this.controller = new SessionController({
      target: options.target,
      socket: this.socketPort(),
      terminal: {
        write: (data, processed) => terminal.write(data, processed),
        size: () => this.view.size(),
        focus: () => terminal.focus(),
      },
      knownHosts: options.knownHosts,
    });

    this.socket.addEventListener('open', this.onOpen);
    this.socket.addEventListener('message', this.onMessage);
    this.socket.addEventListener('close', this.onClose);
    this.subscriptions.push(
      terminal.onData((text) => this.controller.terminalData(text)),
      terminal.onBinary((text) => this.controller.terminalBinary(text)),
      terminal.onResize(() => this.controller.terminalResized(this.view.size())),
    );
    this.resizeObserver = new ResizeObserver(() => this.scheduleFit());
    this.resizeObserver.observe(container);
  }

  focus(): void {
    this.view.terminal.focus();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.controller.dispose();

    this.resizeObserver.disconnect();
    clearTimeout(this.resizeTimer);
    for (const subscription of this.subscriptions) subscription.dispose();

    this.socket.removeEventListener('open', this.onOpen);
    this.socket.removeEventListener('message', this.onMessage);
    this.socket.removeEventListener('close', this.onClose);
    if (this.socket.readyState <= WebSocket.OPEN) {
      this.socket.close(CLOSE_CODES.normal, 'closed by the user');
    }

    this.view.dispose();
  }

  private socketPort(): SessionSocket {
    return {
      send: (message) => {
        // A socket that is closing drops messages anyway; skipping them keeps that explicit.
        if (this.socket.readyState === WebSocket.OPEN) this.socket.send(message);
      },
      close: (code, reason) => this.socket.close(code, reason),
    };
  }

  private scheduleFit(): void {
    clearTimeout(this.resizeTimer);
    this.resizeTimer = setTimeout(() => this.view.fit(), RESIZE_DEBOUNCE_MS);
  }

  private readonly onOpen = () => this.controller.socketOpened();
  private readonly onMessage = (event: MessageEvent) => this.controller.socketMessage(event.data);
  private readonly onClose = (event: CloseEvent) => this.controller.socketClosed(event.code);
}
