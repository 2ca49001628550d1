import { describe, expect, it, vi } from 'vitest';
import { openExternalAfterAsking } from '../../../../../electron/core/security/external-link';

describe('opening a link outside the console', () => {
  it('asks with the exact address and opens only after a yes', async () => {
    const ask = vi.fn(async () => true);
    const open = vi.fn(async () => undefined);
    await expect(openExternalAfterAsking('https://www.vp.gov.lv/a?b=1', ask, open)).resolves.toBe(
      'opened',
    );
    expect(ask).toHaveBeenCalledWith('https://www.vp.gov.lv/a?b=1');
    expect(open).toHaveBeenCalledWith('https://www.vp.gov.lv/a?b=1');
  });

  it('opens nothing when the operator says no', async () => {
    const open = vi.fn(async () => undefined);
    await expect(
      openExternalAfterAsking('tel:+37112345678', async () => false, open),
    ).resolves.toBe('declined');
    expect(open).not.toHaveBeenCalled();
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://plain.example/',
    'smb://host/share',
    'https://user:pw@x.lv/',
  ])('never even asks for %s', async (url) => {
    const ask = vi.fn(async () => true);
    const open = vi.fn(async () => undefined);
    await expect(openExternalAfterAsking(url, ask, open)).resolves.toBe('refused');
    expect(ask).not.toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
  });
});
