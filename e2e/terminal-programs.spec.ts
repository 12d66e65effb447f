import { expect, test } from '@playwright/test';
import { openApp, run, screenText, startSession, waitForPrompt, waitForScreen } from './app.ts';
import { servers } from './servers.ts';

test.beforeEach(async ({ page }) => {
  const { baseUrl, passwordSshd, user, password } = servers();
  await openApp(page, baseUrl);
  await startSession(
    page,
    { name: 'programs', host: '127.0.0.1', port: passwordSshd.port, user },
    password,
  );
});

test('Ctrl-C stops a flood of output, and the terminal keeps up', async ({ page }) => {
  await run(page, 'yes "flood line"');
  await waitForScreen(page, /flood line\nflood line\nflood line/);
  await page.waitForTimeout(1000);

  // How fast is measured by the benchmark; here, that it stops and the shell answers.
  await page.keyboard.press('Control+C');
  await run(page, 'echo calm-$((40 + 2))');
  await expect.poll(async () => /^calm-42/m.test(await screenText(page)), { timeout: 30_000 })
    .toBe(true);
});

test('a full-screen program redraws in place and hands the terminal back', async ({ page }) => {
  await run(page, 'echo before-top');
  await waitForScreen(page, /^before-top/m);
  await run(page, 'top -d 1');
  await waitForScreen(page, /load average/);
  expect(await screenText(page)).not.toContain('before-top');

  await page.keyboard.press('q');
  await waitForPrompt(page);
  await run(page, 'echo after-$((2 + 2))');
  await waitForScreen(page, /^after-4/m);
});
