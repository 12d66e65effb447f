/**
 * Locations inside the Seashell checkout or image. The relay runs both from source
 * (relay/*.ts) and built (dist/relay/relay/*.js), so paths are found from the project
 * root, the nearest folder above this file that holds Seashell's package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'seashell') return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error('cannot find Seashell\'s package.json above the relay');
    folder = parent;
  }
}

export const PROJECT_ROOT = findProjectRoot();

/** The built PWA (`npm run build` writes it). */
export const CLIENT_DIR = join(PROJECT_ROOT, 'dist', 'client');

/** The relay's version, from package.json, for `/_ping` and the logs. */
export const VERSION: string = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
