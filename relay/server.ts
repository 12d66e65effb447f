/**
 * The relay's HTTP server: `/_ping`, the WebSocket endpoint `/ws`, and the built PWA.
 * Every request must name this relay in its Host header; every socket must come from
 * this relay's own origin and speak this protocol version.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  CLOSE_CODES,
  MAX_FRAME_BYTES,
  SUBPROTOCOL,
  SUBPROTOCOL_PATTERN,
} from '../shared/protocol/index.ts';
import type { RelayConfig } from './config.ts';
import { Heartbeat } from './heartbeat.ts';
import type { Logger } from './logger.ts';
import { createOriginPolicy } from './origin.ts';
import { Session, type SessionContext } from './session.ts';
import { createStaticHandler } from './static-files.ts';
import { VERSION } from './paths.ts';

/** Concurrent sessions one relay accepts; each holds an SSH connection and a few buffers. */
export const MAX_SESSIONS = 1000;

export const WEBSOCKET_PATH = '/ws';

const SECURITY_HEADERS = {
  'content-security-policy': [
    "default-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data:",
    // xterm.js's DOM renderer writes its colours into a <style> element.
    "style-src 'self' 'unsafe-inline'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

export interface RelayOptions {
  config: RelayConfig;
  logger: Logger;
  /** Folder of the built PWA. */
  staticDir: string;
  /** Hooks a recorder into every session; see SessionContext. */
  record?: SessionContext['record'];
  /** See SessionContext; tests shorten it. */
  handshakeTimeoutMs?: number;
}

export interface Relay {
  /** The port actually bound (config.port may be 0 in tests). */
  port: number;
  sessionCount(): number;
  close(): Promise<void>;
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const { config, logger } = options;
  const sessions = new Set<Session>();
  const heartbeat = new Heartbeat(config.keepaliveIntervalSeconds * 1000);
  const serveStatic = createStaticHandler(options.staticDir);
  let origins = createOriginPolicy(config);

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    perMessageDeflate: false,
    handleProtocols: (offered) => pickSubprotocol(offered),
  });

  const context: SessionContext = {
    logger,
    keepaliveIntervalMs: config.keepaliveIntervalSeconds * 1000,
    record: options.record,
    handshakeTimeoutMs: options.handshakeTimeoutMs,
    watchSocket: (socket, onDead) => heartbeat.watch(socket, onDead),
    onClosed: (session) => sessions.delete(session),
  };

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    if (!origins.allowsHost(request.headers.host)) {
      refuseHost(request, response, logger);
      return;
    }
    const path = request.url?.split('?')[0];
    if (path === '/_ping') {
      const body = JSON.stringify({ time: Math.floor(Date.now() / 1000), version: VERSION });
      response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      response.end(body);
      return;
    }
    serveStatic(request, response).catch((error: unknown) => {
      logger.error({ err: error, path }, 'static file failed');
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const refuse = (status: number, reason: string): void => {
      logger.warn({ status, reason, origin: request.headers.origin }, 'socket refused');
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    };
    const host = request.headers.host;
    if (request.url?.split('?')[0] !== WEBSOCKET_PATH) return refuse(404, 'Not Found');
    if (!origins.allowsHost(host)) return refuse(421, 'Misdirected Request');
    if (!origins.allowsOrigin(request.headers.origin, host!)) return refuse(403, 'Forbidden');
    if (sessions.size >= MAX_SESSIONS) return refuse(503, 'Service Unavailable');

    sockets.handleUpgrade(request, socket, head, (webSocket) => accept(webSocket));
  });

  const accept = (webSocket: WebSocket): void => {
    if (webSocket.protocol !== SUBPROTOCOL) {
      const reason = `this relay speaks ${SUBPROTOCOL}; reload the app`;
      webSocket.close(CLOSE_CODES.unsupportedVersion, reason);
      return;
    }
    sessions.add(new Session(webSocket, context));
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.listenAddress, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  if (config.port === 0) origins = createOriginPolicy({ ...config, port });
  logger.info({ address: config.listenAddress, port, version: VERSION }, 'relay listening');

  return {
    port,
    sessionCount: () => sessions.size,
    close: async () => {
      for (const session of [...sessions]) session.shutdown();
      heartbeat.dispose();
      sockets.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive HTTP connections would otherwise hold the close open.
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * Chooses Seashell's current subprotocol when offered. A client that offers only another
 * Seashell version is accepted under it, so that the relay can close the socket with a
 * reason the app can show; browsers fail a handshake with no subprotocol without saying why.
 */
function pickSubprotocol(offered: Set<string>): string | false {
  if (offered.has(SUBPROTOCOL)) return SUBPROTOCOL;
  for (const protocol of offered) if (SUBPROTOCOL_PATTERN.test(protocol)) return protocol;
  return false;
}

function refuseHost(request: IncomingMessage, response: ServerResponse, logger: Logger): void {
  logger.warn({ host: request.headers.host, path: request.url }, 'request for another host');
  response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' });
  response.end('This relay does not answer to that host name. Set CASED_SHELL_HOSTNAME.\n');
}
