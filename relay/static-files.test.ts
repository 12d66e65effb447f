import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from './static-files.ts';

let root: string;
let server: Server;
let base: string;

beforeAll(async () => {
  const folder = await mkdtemp(join(tmpdir(), 'seashell-static-'));
  root = join(folder, 'client');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Seashell</title>');
  await writeFile(join(root, 'assets', 'index-AbCdEf12.js'), 'console.log(1)');
  await writeFile(join(root, 'sw.js'), 'self.x = 1');
  await writeFile(join(folder, 'secret.txt'), 'outside the web root');
  const handler = createStaticHandler(root);
  server = createServer((request, response) => void handler(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await rm(join(root, '..'), { recursive: true });
});

describe('createStaticHandler', () => {
  it('serves the app shell with revalidation and hashed assets for a year', async () => {
    const shell = await fetch(`${base}/`);
    expect(shell.status).toBe(200);
    expect(shell.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(shell.headers.get('cache-control')).toBe('no-cache');

    const asset = await fetch(`${base}/assets/index-AbCdEf12.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${base}/sw.js`)).headers.get('cache-control')).toBe('no-cache');
  });

  it('serves the shell for app routes but not for missing files', async () => {
    expect(await (await fetch(`${base}/prompts/3`)).text()).toContain('<title>Seashell');
    expect((await fetch(`${base}/assets/missing-12345678.js`)).status).toBe(404);
  });

  it('never serves a file outside its folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await fetch(`${base}${path}`);
      expect(await response.text()).not.toContain('outside the web root');
    }
    expect((await fetch(`${base}/%E0%A4%A`)).status).toBe(400);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });
});
