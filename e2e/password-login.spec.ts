import { expect, test } from '@playwright/test';
import {
  addPrompt, connect, logIn, openApp, paste, run, screenText, shellSize, trustNewHostKey,
  waitForPrompt, waitForScreen,
} from './app.ts';
import { servers } from './servers.ts';

test(
  'first connection: trust the new host key, log in, resize, exit and reconnect',
  async ({ page }) => {
    const { baseUrl, passwordSshd, user, password } = servers();
    await openApp(page, baseUrl);
    await addPrompt(page, { name: 'web-1', host: '127.0.0.1', port: passwordSshd.port, user });
    await connect(page, 'web-1');

    const hostKey = page.getByRole('dialog', { name: 'New host key' });
    await expect(hostKey).toContainText(passwordSshd.fingerprint);
    await hostKey.getByRole('button', { name: 'Trust and connect' }).click();
    await logIn(page, password);
    await waitForPrompt(page);

    const rowsDrawn = await page.locator('[data-testid="terminal"] .xterm-rows > div').count();
    const before = await shellSize(page, 'before');
    expect(before.rows).toBe(rowsDrawn);
    expect(before.cols).toBeGreaterThan(40);

    await page.setViewportSize({ width: 1400, height: 900 });
    await expect.poll(async () => (await shellSize(page, `after${Date.now() % 1000}`)).cols)
      .toBeGreaterThan(before.cols);
    const after = await shellSize(page, 'final');
    expect(after.rows).toBeGreaterThan(before.rows);

    await run(page, 'echo "typed: ü€ $((6 * 7))"');
  await waitForScreen(page, /^typed: ü€ 42/m);
  await paste(page, 'echo "€ pasted: $((6 * 7))"');
    await page.keyboard.press('Enter');
    await waitForScreen(page, /^€ pasted: 42/m);

    await run(page, 'exit 3');
    const ended = page.getByTestId('session-end');
    await expect(ended).toContainText('exit status 3');

    await ended.getByRole('button', { name: 'Reconnect' }).click();
    await logIn(page, password);
    await waitForPrompt(page);
    await expect(page.getByRole('dialog', { name: 'New host key' })).toHaveCount(0);
    expect(await screenText(page)).not.toContain('exit status');
  },
);

test('a wrong password is asked again, and the right one then works', async ({ page }) => {
  const { baseUrl, passwordSshd, user, password } = servers();
  await openApp(page, baseUrl);
  await addPrompt(page, { name: 'retry', host: '127.0.0.1', port: passwordSshd.port, user });
  await connect(page, 'retry');
  await trustNewHostKey(page);

  await logIn(page, 'certainly-wrong');
  const again = page.getByRole('dialog', { name: 'Authentication' });
  await expect(again).toContainText('Permission denied, please try again.');
  await logIn(page, password);
  await waitForPrompt(page);
});
