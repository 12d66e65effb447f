import { expect, test } from '@playwright/test';
import { startSshd } from '../testing/sshd.ts';
import {
  connect, logIn, openApp, run, startSession, waitForPrompt, waitForScreen,
} from './app.ts';
import { servers } from './servers.ts';

test(
  'a changed host key is refused loudly, with no way to accept it in place',
  async ({ page }) => {
    const { baseUrl } = servers();
    const original = await startSshd();
    await openApp(page, baseUrl);
    const { port, user } = original;
    const prompt = { name: 'moved', host: '127.0.0.1', port, user: user.name };
    await startSession(page, prompt, original.user.password);
    await run(page, 'exit');
    await expect(page.getByTestId('session-end')).toContainText('exit status 0');
    await original.stop();

    const impostor = await startSshd({ port: original.port });
    try {
      expect(impostor.hostKey.fingerprint).not.toBe(original.hostKey.fingerprint);
      await page.getByTestId('session-end').getByRole('button', { name: 'Reconnect' }).click();

      const warning = page.getByRole('dialog', { name: 'Host key changed' });
      await expect(warning).toContainText(original.hostKey.fingerprint);
      await expect(warning).toContainText(impostor.hostKey.fingerprint);
      await expect(warning.getByRole('button', { name: /trust|accept|connect/i })).toHaveCount(0);
      await expect(page.getByRole('dialog', { name: 'Authentication' })).toHaveCount(0);

      // The way out the warning describes, for a change the person expected: forget the
      // old key, then trust the new one knowingly.
      await warning.getByRole('button', { name: 'Open known hosts' }).click();
      await page.getByRole('listitem').filter({ hasText: `127.0.0.1:${port}` })
        .getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('button', { name: 'Back to prompts' }).click();
      await connect(page, 'moved');
      const fresh = page.getByRole('dialog', { name: 'New host key' });
      await expect(fresh).toContainText(impostor.hostKey.fingerprint);
      await fresh.getByRole('button', { name: 'Trust and connect' }).click();
      await logIn(page, user.password);
      await waitForPrompt(page);
    } finally {
      await impostor.stop();
    }
  },
);

test('the same host key on a restarted server is trusted without asking', async ({ page }) => {
  const { baseUrl } = servers();
  const keyPath = `${process.cwd()}/.tmp/testing/e2e-stable-host-key`;
  const first = await startSshd({ hostKeyPath: keyPath });
  await openApp(page, baseUrl);
  const prompt = { name: 'stable', host: '127.0.0.1', port: first.port, user: first.user.name };
  await startSession(page, prompt, first.user.password);
  await run(page, 'exit');
  await first.stop();

  const again = await startSshd({ hostKeyPath: keyPath, port: first.port });
  try {
    await page.getByTestId('session-end').getByRole('button', { name: 'Reconnect' }).click();
    await logIn(page, again.user.password);
    await waitForPrompt(page);
    await run(page, 'echo same-$((1 + 1))');
    await waitForScreen(page, /same-2/);
    await expect(page.getByRole('dialog', { name: 'New host key' })).toHaveCount(0);
  } finally {
    await again.stop();
  }
});
