import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConsoleApiError } from '../../../../../shared/api/errors';
import { defaultSettings } from '../../../../../shared/domain/settings';
import {
  openSettingsStore,
  SETTINGS_FILE,
} from '../../../../../electron/core/settings/settings-store';
import { tempDir } from '../../../../helpers/temp-dir';

const clock = () => new Date('2026-11-21T19:56:25.709Z');

describe('settings store', () => {
  it('starts with defaults and no warning when there is no file', () => {
    const store = openSettingsStore(tempDir(), clock);
    expect(store.get()).toEqual(defaultSettings);
    expect(store.warnings).toEqual([]);
  });

  it('persists a change across reopening', () => {
    const dir = tempDir();
    openSettingsStore(dir, clock).set({ language: 'lv' });
    const reopened = openSettingsStore(dir, clock);
    expect(reopened.get().language).toBe('lv');
    expect(reopened.get().theme).toBe(defaultSettings.theme);
  });

  it('fills fields missing from an older file with defaults and drops unknown ones', () => {
    const dir = tempDir();
    writeFileSync(join(dir, SETTINGS_FILE), JSON.stringify({ language: 'lv', fromTheFuture: 1 }));
    const store = openSettingsStore(dir, clock);
    expect(store.get()).toEqual({ ...defaultSettings, language: 'lv' });
    expect(store.warnings).toEqual([]);
  });

  it.each([
    ['truncated JSON', '{"language": "l'],
    ['a wrong value', JSON.stringify({ language: 'klingon' })],
    ['not an object', '[1, 2, 3]'],
  ])('moves a file with %s aside, keeps its bytes, warns, and uses defaults', (_what, text) => {
    const dir = tempDir();
    writeFileSync(join(dir, SETTINGS_FILE), text);
    const store = openSettingsStore(dir, clock);

    expect(store.get()).toEqual(defaultSettings);
    expect(store.warnings).toHaveLength(1);
    expect(store.warnings[0]).toMatch(/damaged/);
    expect(existsSync(join(dir, SETTINGS_FILE))).toBe(false);
    const aside = readdirSync(dir).find((name) => name.startsWith(`${SETTINGS_FILE}.corrupt-`));
    expect(aside).toBeDefined();
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe(text);
    expect(store.warnings[0]).toContain(aside);
  });

  it('keeps the old value and says why when the file cannot be written', () => {
    const dir = tempDir();
    const store = openSettingsStore(dir, clock);
    // A directory where the temporary file must go makes every write fail, even for root.
    mkdirSync(join(dir, `${SETTINGS_FILE}.tmp`));
    let caught: unknown;
    try {
      store.set({ language: 'lv' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConsoleApiError);
    expect((caught as ConsoleApiError).code).toBe('unavailable');
    expect((caught as ConsoleApiError).message).toMatch(/Settings not saved/);
    expect(store.get().language).toBe(defaultSettings.language);
    expect(openSettingsStore(dir, clock).get().language).toBe(defaultSettings.language);
  });
});
