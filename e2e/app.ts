/**
 * How the journeys drive the app: by the labels and roles a person sees, plus two test
 * ids (the terminal and the session-end panel). Terminal text is read from xterm.js's
 * DOM renderer, which the app uses when localStorage `seashell.renderer` is `dom`.
 */
import { expect, type Page } from '@playwright/test';

export interface PromptFields {
  name: string;
  host: string;
  port: number;
  user: string;
}

export async function openApp(page: Page, baseUrl: string): Promise<void> {
  await page.addInitScript(() => localStorage.setItem('seashell.renderer', 'dom'));
  await page.goto(baseUrl);
}

export async function addPrompt(page: Page, prompt: PromptFields): Promise<void> {
  await page.getByRole('button', { name: 'Add prompt' }).click();
  await page.getByLabel('Name').fill(prompt.name);
  await page.getByLabel('Host').fill(prompt.host);
  await page.getByLabel('Port').fill(String(prompt.port));
  await page.getByLabel('User').fill(prompt.user);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: prompt.name })).toBeVisible();
}

export async function connect(page: Page, promptName: string): Promise<void> {
  await page.getByRole('listitem').filter({ hasText: promptName })
    .getByRole('button', { name: 'Connect' }).click();
}

/** Answers the "New host key" dialog with "Trust and connect". */
export async function trustNewHostKey(page: Page): Promise<void> {
  await page.getByRole('dialog', { name: 'New host key' })
    .getByRole('button', { name: 'Trust and connect' }).click();
}

export async function logIn(
  page: Page,
  password: string,
  label: string | RegExp = /Password/,
): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Authentication' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(label).fill(password);
  await dialog.getByRole('button', { name: 'Log in' }).click();
}

/** Adds a prompt, connects, trusts the new host key and logs in with a password. */
export async function startSession(
  page: Page,
  prompt: PromptFields,
  password: string,
): Promise<void> {
  await addPrompt(page, prompt);
  await connect(page, prompt.name);
  await trustNewHostKey(page);
  await logIn(page, password);
  await waitForPrompt(page);
}

export function terminal(page: Page) {
  return page.getByTestId('terminal');
}

/** The terminal's visible rows as text, one line per row. */
export async function screenText(page: Page): Promise<string> {
  return page.locator('[data-testid="terminal"] .xterm-rows').innerText();
}

export async function waitForScreen(page: Page, pattern: RegExp): Promise<RegExpMatchArray> {
  let match: RegExpMatchArray | null = null;
  await expect
    .poll(async () => (match = (await screenText(page)).match(pattern)) !== null, {
      message: `terminal shows ${pattern}`,
    })
    .toBe(true);
  return match!;
}

/** Waits for a shell prompt at the end of a line (xterm pads the row with no-break spaces). */
export async function waitForPrompt(page: Page): Promise<void> {
  await waitForScreen(page, /\$\s*$/m);
}

/** Types a command line into the terminal and presses Enter. */
export async function run(page: Page, command: string): Promise<void> {
  await terminal(page).click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/** Pastes `text` into the terminal as the browser does for Ctrl+V (a paste event). */
export async function paste(page: Page, text: string): Promise<void> {
  await terminal(page).click();
  await page.locator('[data-testid="terminal"] textarea').evaluate((input, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
}

/** The terminal size the shell sees, from `stty size`. */
export async function shellSize(
  page: Page,
  marker: string,
): Promise<{ rows: number; cols: number }> {
  await run(page, `echo ${marker}-$(stty size | tr ' ' x)`);
  const [, rows, cols] = await waitForScreen(page, new RegExp(`${marker}-(\\d+)x(\\d+)`));
  return { rows: Number(rows), cols: Number(cols) };
}
