import { expect, test } from '@playwright/test';
import { addPrompt, openApp } from './app.ts';
import { servers } from './servers.ts';

test('prompts are added, edited, deleted and kept on the device across reloads', async ({
  page,
}) => {
  const { baseUrl, passwordSshd, user } = servers();
  await openApp(page, baseUrl);
  await addPrompt(page, { name: 'db-primary', host: '127.0.0.1', port: passwordSshd.port, user });
  await addPrompt(page, { name: 'cache', host: 'localhost', port: 2222, user: 'ops' });

  await page.getByRole('listitem').filter({ hasText: 'cache' })
    .getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Name').fill('cache-eu');
  await page.getByLabel('Port').fill('70000');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/port/i).filter({ hasText: /65535|65 535/ })).toBeVisible();
  await page.getByLabel('Port').fill('2200');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'cache-eu' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('listitem').filter({ hasText: 'db-primary' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'cache-eu' })).toContainText('2200');

  await page.getByRole('listitem').filter({ hasText: 'db-primary' })
    .getByRole('button', { name: 'Delete' }).click();
  await page.reload();
  await expect(page.getByRole('listitem').filter({ hasText: 'cache-eu' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'db-primary' })).toHaveCount(0);
});
