import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** State the test helpers keep between runs (keys, logs). `.tmp/` is gitignored. */
export const TEST_STATE_DIR = join(REPO_ROOT, '.tmp', 'testing');
