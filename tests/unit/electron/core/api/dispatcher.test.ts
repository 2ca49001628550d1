import { apiRejection } from '../../../../helpers/rejection';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../../../shared/domain/settings';
import { createDispatcher } from '../../../../../electron/core/api/dispatcher';
import type { Handlers } from '../../../../../electron/core/api/handlers';
import { operationNames } from '../../../../../shared/api/registry';
import type { Operator } from '../../../../../shared/central/records';

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

const referent: Operator = { id: 'referent1', name: 'R', roles: ['referent'] };
const technician: Operator = { id: 'technician1', name: 'T', roles: ['technician'] };

function dispatcher(
  overrides: Partial<Handlers> = {},
  caller: { operator: Operator | null; locked: boolean } = { operator: referent, locked: false },
  log = vi.fn(),
) {
  return createDispatcher({ handlers: handlers(overrides), caller: () => caller, logError: log });
}

describe('dispatcher', () => {
  it('passes parsed input and the caller to the handler and returns its result', async () => {
    const seen = vi.fn((patch: { language?: string }) => ({ ...defaultSettings, ...patch }));
    const dispatch = dispatcher({ 'settings.set': seen as Handlers['settings.set'] });
    await expect(dispatch('settings.set', { language: 'lv' })).resolves.toEqual({
      ...defaultSettings,
      language: 'lv',
    });
    expect(seen).toHaveBeenCalledWith({ language: 'lv' }, { operator: referent });
  });

  it('refuses a bad value and names the field', async () => {
    const set = vi.fn();
    const error = await apiRejection(
      dispatcher({ 'settings.set': set })('settings.set', { language: 'de' }),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe('language');
    expect(set).not.toHaveBeenCalled();
  });

  it('refuses unknown fields and names them, including a centre setting sent as an own one', async () => {
    const dispatch = dispatcher();
    const error = await apiRejection(dispatch('settings.set', { language: 'en', admin: true }));
    expect([error.code, error.field]).toEqual(['invalid_input', 'admin']);
    const centre = await apiRejection(dispatch('settings.set', { centralUrl: 'https://x.lv' }));
    expect([centre.code, centre.field]).toEqual(['invalid_input', 'centralUrl']);
  });

  it('refuses an unregistered operation, including prototype names', async () => {
    const dispatch = dispatcher();
    expect((await apiRejection(dispatch('settings.delete', {}))).code).toBe('unknown_operation');
    expect((await apiRejection(dispatch('__proto__', {}))).code).toBe('unknown_operation');
    expect((await apiRejection(dispatch('toString', {}))).code).toBe('unknown_operation');
  });

  it('turns a handler crash into an internal error and logs it', async () => {
    const log = vi.fn();
    const error = await apiRejection(dispatcher({}, undefined, log)('connection.get', {}));
    expect(error.code).toBe('internal');
    expect(error.message).toContain('disk on fire');
    expect(log).toHaveBeenCalledWith('operation connection.get failed', expect.any(Error));
  });

  it('checks the caller before the input: nobody signed in, locked, or the wrong role', async () => {
    const queue = vi.fn(() => ({ items: [] }));
    const overrides = { 'alerts.queue': queue, 'settings.get': vi.fn(() => defaultSettings) };
    const nobody = dispatcher(overrides, { operator: null, locked: false });
    // A bad input from a caller who may not call at all learns only that they may not.
    const refused = await apiRejection(nobody('alerts.queue', { junk: 1 }));
    expect([refused.code, refused.params]).toEqual([
      'not_signed_in',
      { operation: 'alerts.queue' },
    ]);
    const locked = dispatcher(overrides, { operator: referent, locked: true });
    expect((await apiRejection(locked('settings.get', {}))).code).toBe('locked');
    const tech = dispatcher(overrides, { operator: technician, locked: false });
    expect((await apiRejection(tech('alerts.queue', {}))).code).toBe('forbidden');
    expect(queue).not.toHaveBeenCalled();
    await expect(dispatcher(overrides)('alerts.queue', {})).resolves.toEqual({ items: [] });
  });

  it('answers public operations to anyone, and the lock screen’s to a locked session', async () => {
    const nobody = dispatcher(
      { 'app.info': vi.fn(() => ({}) as never) },
      { operator: null, locked: false },
    );
    await expect(nobody('app.info', {})).resolves.toEqual({});
    const locked = dispatcher(
      { 'attention.summary': vi.fn(() => ({}) as never) },
      { operator: referent, locked: true },
    );
    await expect(locked('attention.summary', {})).resolves.toEqual({});
  });
});
