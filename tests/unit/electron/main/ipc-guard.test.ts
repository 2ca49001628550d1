import { describe, expect, it, vi } from 'vitest';
import {
  createSenderCheck,
  guardHandler,
  type SenderEvent,
} from '../../../../electron/main/ipc-guard';

const OWN_ID = 7;
const isTrusted = createSenderCheck(() => new Set([OWN_ID]));

function event(id: number, url: string | null): SenderEvent {
  return { sender: { id }, senderFrame: url === null ? null : { url } };
}

describe('IPC guard', () => {
  it('lets our own window on the app origin through to the dispatcher', async () => {
    const dispatch = vi.fn().mockResolvedValue({ language: 'en' });
    const handler = guardHandler('settings.get', dispatch, isTrusted);
    await expect(handler(event(OWN_ID, 'sargs://app/index.html#/map'), {})).resolves.toEqual({
      ok: true,
      value: { language: 'en' },
    });
    expect(dispatch).toHaveBeenCalledWith('settings.get', {});
  });

  it.each([
    ['another web contents', event(99, 'sargs://app/index.html')],
    ['our window showing a foreign page', event(OWN_ID, 'https://evil.example/')],
    ['a look-alike host', event(OWN_ID, 'sargs://app.evil/index.html')],
    ['a file URL', event(OWN_ID, 'file:///etc/passwd')],
    ['a frame that is gone', event(OWN_ID, null)],
  ])('refuses %s without calling the core', async (_what, sender) => {
    const dispatch = vi.fn();
    const handler = guardHandler('settings.get', dispatch, isTrusted);
    const answer = await handler(sender, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('returns input errors as data, with the field', async () => {
    const { ConsoleApiError } = await import('../../../../shared/api/errors');
    const dispatch = vi
      .fn()
      .mockRejectedValue(new ConsoleApiError('invalid_input', 'bad', 'language'));
    const handler = guardHandler('settings.set', dispatch, isTrusted);
    await expect(handler(event(OWN_ID, 'sargs://app/'), { language: 1 })).resolves.toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'bad', field: 'language' },
    });
  });
});
