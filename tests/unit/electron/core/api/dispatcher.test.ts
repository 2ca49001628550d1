import { apiRejection } from '../../../../helpers/rejection';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../../../shared/domain/settings';
import { createDispatcher } from '../../../../../electron/core/api/dispatcher';
import type { Handlers } from '../../../../../electron/core/api/handlers';
import { operationNames } from '../../../../../shared/api/registry';

/** Every operation refuses to be called, except the ones a test gives. */
function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const unused = Object.fromEntries(
    operationNames.map((name) => [
      name,
      () => {
        throw new Error('not used');
      },
    ]),
  ) as unknown as Handlers;
  return {
    ...unused,
    'settings.get': () => defaultSettings,
    'settings.set': (patch) => ({ ...defaultSettings, ...patch }),
    'connection.get': () => {
      throw new Error('disk on fire');
    },
    ...overrides,
  };
}

describe('dispatcher', () => {
  const log = vi.fn();

  it('passes parsed input to the handler and returns its result', async () => {
    const dispatch = createDispatcher(handlers(), log);
    await expect(dispatch('settings.set', { language: 'lv' })).resolves.toEqual({
      ...defaultSettings,
      language: 'lv',
    });
  });

  it('refuses a bad value and names the field', async () => {
    const set = vi.fn();
    const dispatch = createDispatcher(handlers({ 'settings.set': set }), log);
    const error = await apiRejection(dispatch('settings.set', { language: 'de' }));
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe('language');
    expect(set).not.toHaveBeenCalled();
  });

  it('refuses unknown fields and names them', async () => {
    const dispatch = createDispatcher(handlers(), log);
    const error = await apiRejection(dispatch('settings.set', { language: 'en', admin: true }));
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe('admin');
    expect(error.message).toContain('admin');
  });

  it('refuses input that is not an object', async () => {
    const dispatch = createDispatcher(handlers(), log);
    const error = await apiRejection(dispatch('settings.get', 'hello'));
    expect(error.code).toBe('invalid_input');
  });

  it('refuses an unregistered operation, including prototype names', async () => {
    const dispatch = createDispatcher(handlers(), log);
    expect((await apiRejection(dispatch('settings.delete', {}))).code).toBe('unknown_operation');
    expect((await apiRejection(dispatch('__proto__', {}))).code).toBe('unknown_operation');
    expect((await apiRejection(dispatch('toString', {}))).code).toBe('unknown_operation');
  });

  it('turns a handler crash into an internal error and logs it', async () => {
    const dispatch = createDispatcher(handlers(), log);
    const error = await apiRejection(dispatch('connection.get', {}));
    expect(error.code).toBe('internal');
    expect(error.message).toContain('disk on fire');
    expect(log).toHaveBeenCalledWith('operation connection.get failed', expect.any(Error));
  });
});
