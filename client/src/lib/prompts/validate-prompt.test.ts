import { describe, expect, it } from 'vitest';
import { promptLabel, validatePrompt, type PromptDraft } from './validate-prompt.ts';

const draft = (fields: Partial<PromptDraft> = {}): PromptDraft => ({
  name: 'Build box',
  host: 'build.example.net',
  port: '22',
  user: 'ada',
  ...fields,
});

describe('validatePrompt', () => {
  it('accepts a complete prompt and trims what was typed', () => {
    const result = validatePrompt(draft({ name: ' Build box ', host: ' 10.0.0.2 ', port: '2222' }));
    expect(result).toEqual({
      ok: true,
      value: { name: 'Build box', host: '10.0.0.2', port: 2222, user: 'ada' },
    });
  });

  it('accepts an empty name, since the list then shows user@host', () => {
    const result = validatePrompt(draft({ name: '' }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(promptLabel(result.value)).toBe('ada@build.example.net');
  });

  it('rejects a missing host, a host with spaces and an over-long host', () => {
    for (const host of ['', '   ', 'build example', `${'a'.repeat(256)}`]) {
      const result = validatePrompt(draft({ host }));
      expect(result.ok, host).toBe(false);
      if (!result.ok) expect(Object.keys(result.errors)).toEqual(['host']);
    }
  });

  it('counts the host limit in UTF-8 bytes, not characters', () => {
    // 128 two-byte characters are 256 bytes: one over the limit.
    expect(validatePrompt(draft({ host: 'é'.repeat(128) })).ok).toBe(false);
    expect(validatePrompt(draft({ host: 'é'.repeat(127) })).ok).toBe(true);
  });

  it('takes ports from 1 to 65535 only', () => {
    for (const port of ['0', '65536', '-1', '22.5', 'ssh', '', '1e3']) {
      const result = validatePrompt(draft({ port }));
      expect(result.ok, port).toBe(false);
      if (!result.ok) expect(result.errors.port).toMatch(/1 to 65535/);
    }
    expect(validatePrompt(draft({ port: '1' })).ok).toBe(true);
    expect(validatePrompt(draft({ port: '65535' })).ok).toBe(true);
  });

  it('requires a user of at most 255 bytes', () => {
    const missing = validatePrompt(draft({ user: ' ' }));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.errors.user).toMatch(/user name/);
    expect(validatePrompt(draft({ user: 'u'.repeat(256) })).ok).toBe(false);
    expect(validatePrompt(draft({ user: 'u'.repeat(255) })).ok).toBe(true);
  });

  it('reports every bad field at once', () => {
    const result = validatePrompt({ name: 'n'.repeat(101), host: '', port: '0', user: '' });
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : Object.keys(result.errors).sort();
    expect(fields).toEqual(['host', 'name', 'port', 'user']);
  });
});
