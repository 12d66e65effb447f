import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { addPrompt, connect, logIn, terminal, trustNewHostKey } from './app.ts';
import { servers } from './servers.ts';

// Playwright reads a test's fixtures from its first parameter's pattern; this one needs none.
// eslint-disable-next-line no-empty-pattern
test('the app is installable, and its shell and prompts load offline', async ({}, testInfo) => {
  const { baseUrl } = servers();
  // Incognito contexts are never installable, so this journey uses a real profile.
  const profile = await mkdtemp(join(tmpdir(), 'seashell-profile-'));
  const launch = testInfo.project.use.launchOptions ?? {};
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: launch.executablePath,
    args: launch.args,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(baseUrl);
    await addPrompt(page, { name: 'offline-kept', host: '127.0.0.1', port: 22, user: 'ops' });

    await expect.poll(() => page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration?.active?.state;
    })).toBe('activated');

    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('listitem').filter({ hasText: 'offline-kept' })).toBeVisible();
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('the WebGL renderer draws the terminal when the app uses its default', async ({ page }) => {
  const { baseUrl, passwordSshd, user, password } = servers();
  await page.goto(baseUrl);
  await addPrompt(page, { name: 'gl', host: '127.0.0.1', port: passwordSshd.port, user });
  await connect(page, 'gl');
  await trustNewHostKey(page);
  await logIn(page, password);

  await expect(terminal(page).locator('canvas').first()).toBeVisible();
  await expect(terminal(page).locator('.xterm-rows')).toHaveCount(0);
  await expect(page.getByTestId('status')).toContainText('Connected');
});
