/**
 * Serves the built PWA. Files with a content hash in their name are cached for a year;
 * everything else (index.html, the service worker, the manifest) is revalidated so that
 * a new release reaches users on their next visit.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Vite names built assets `name-<hash>.ext`, eight or more URL-safe characters. */
const HASHED_ASSET = /-[A-Za-z0-9_-]{8,}\.(?:js|css|woff2|png|svg)$/;

export function createStaticHandler(root: string) {
  const base = normalize(root + sep);

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const pathname = decodePath(request.url ?? '/');
    if (pathname === undefined) {
      response.writeHead(400).end('bad path\n');
      return;
    }

    let file = normalize(join(base, pathname === '/' ? 'index.html' : pathname));
    if (!file.startsWith(base)) {
      response.writeHead(404).end('not found\n');
      return;
    }
    let info = await stat(file).catch(() => undefined);
    if (!info?.isFile() && !extname(pathname)) {
      // An app route such as /prompts/3 is the app's, not a file: serve the shell.
      file = join(base, 'index.html');
      info = await stat(file).catch(() => undefined);
    }
    if (!info?.isFile()) {
      const body = file.endsWith('index.html')
        ? 'The web app is not built. Run `npm run build`, then start the relay again.\n'
        : 'not found\n';
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(body);
      return;
    }

    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': HASHED_ASSET.test(file)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    // A file removed between stat and read ends this response only; headers are gone by now.
    pipeline(createReadStream(file), response, (error) => {
      if (error) response.destroy();
    });
  };
}

function decodePath(url: string): string | undefined {
  try {
    const pathname = decodeURIComponent(new URL(url, 'http://relay.invalid').pathname);
    return pathname.includes('\0') ? undefined : pathname;
  } catch {
    // A malformed percent-escape: the request is bad, and the caller says so.
    return undefined;
  }
}
