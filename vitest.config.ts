import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          // Integration tests log in to a real sshd, which takes a moment on a loaded machine.
          testTimeout: 30_000,
          hookTimeout: 30_000,
          include: [
            'shared/**/*.test.ts',
            'relay/**/*.test.ts',
            'testing/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
        },
      },
      {
        // The app's Vite config compiles Svelte runes in `.svelte.ts` modules.
        extends: './vite.config.ts',
        test: {
          name: 'client',
          environment: 'node',
          include: ['client/**/*.test.ts'],
        },
      },
    ],
  },
});
