import { describe, expect, it } from 'vitest';
import { OptionsError, parseOptions } from './options.ts';

describe('parseOptions', () => {
  it('uses the documented defaults when no flag is given', () => {
    expect(parseOptions([])).toEqual({
      bytes: 256 * 1024 * 1024,
      rounds: 5,
      samples: 1000,
      sessions: 50,
      cpuProfile: false,
    });
  });

  it('reads every flag, with binary units for --bytes', () => {
    const options = parseOptions([
      '--bytes', '64M', '--rounds=3', '--samples', '200', '--sessions', '10', '--cpu-prof',
    ]);
    expect(options).toEqual({
      bytes: 64 * 1024 * 1024,
      rounds: 3,
      samples: 200,
      sessions: 10,
      cpuProfile: true,
    });
    expect(parseOptions(['--bytes', '2k']).bytes).toBe(2048);
    expect(parseOptions(['--bytes', '1G']).bytes).toBe(1024 ** 3);
  });

  it('names the flag when a value is not a count', () => {
    expect(() => parseOptions(['--rounds', 'five'])).toThrow(/--rounds="five"/);
    expect(() => parseOptions(['--rounds', '5k'])).toThrow(OptionsError);
    expect(() => parseOptions(['--samples', '0'])).toThrow(/--samples=0 is outside/);
    expect(() => parseOptions(['--sessions', '100000'])).toThrow(/--sessions=100000 is outside/);
  });

  it('refuses unknown flags with the usage line', () => {
    expect(() => parseOptions(['--round', '3'])).toThrow(/usage:/);
  });
});
