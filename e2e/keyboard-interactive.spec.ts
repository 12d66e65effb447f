import { expect, test } from '@playwright/test';
import {
  addPrompt, connect, logIn, openApp, run, trustNewHostKey, waitForPrompt, waitForScreen,
} from './app.ts';
import { servers } from './servers.ts';

test('keyboard-interactive (PAM) prompts are answered in the browser', async ({ page }) => {
  const { baseUrl, pamSshd, user, password } = servers();
  await openApp(page, baseUrl);
  await addPrompt(page, { name: 'pam', host: '127.0.0.1', port: pamSshd.port, user });
  await connect(page, 'pam');
  await trustNewHostKey(page);

  const dialog = page.getByRole('dialog', { name: 'Authentication' });
  await expect(dialog.getByLabel('Password:')).toHaveAttribute('type', 'password');
  await logIn(page, password, 'Password:');
  await waitForPrompt(page);
  await run(page, 'echo pam-$((40 + 2))');
  await waitForScreen(page, /pam-42/);
});
