import { describe, expect, it } from 'vitest';
import { readRendererSetting, RENDERER_STORAGE_KEY } from './renderer-setting.ts';

const storageWith = (value: string | null) => ({
  getItem: (key: string) => (key === RENDERER_STORAGE_KEY ? value : null),
});

describe('readRendererSetting', () => {
  it('draws with WebGL unless told otherwise', () => {
    expect(readRendererSetting(storageWith(null))).toEqual({ renderer: 'webgl' });
    expect(readRendererSetting(undefined)).toEqual({ renderer: 'webgl' });
  });

  it('uses the DOM renderer when seashell.renderer is dom', () => {
    expect(readRendererSetting(storageWith('dom'))).toEqual({ renderer: 'dom' });
  });

  it('names a value it does not know instead of ignoring it quietly', () => {
    const setting = readRendererSetting(storageWith('canvas'));
    expect(setting.renderer).toBe('webgl');
    expect(setting.problem).toMatch(/seashell\.renderer is "canvas"; use one of webgl, dom/);
  });

  it('survives a storage that throws', () => {
    const setting = readRendererSetting({
      getItem: () => {
        throw new Error('denied');
      },
    });
    expect(setting).toEqual({ renderer: 'webgl', problem: 'localStorage is unavailable (denied)' });
  });
});
