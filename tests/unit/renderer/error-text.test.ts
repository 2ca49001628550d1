import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConsoleApiError } from '../../../shared/api/errors';
import { catalogs } from '../../../shared/i18n';
import { errorText } from '../../../renderer/src/api/error-text';

beforeAll(async () => {
  await i18next.init({
    lng: 'en',
    resources: { en: { translation: catalogs.en }, lv: { translation: catalogs.lv } },
    interpolation: { escapeValue: false },
  });
});

describe('the core’s errors in the operator’s language', () => {
  it('words codes with their parameters, in English and Latvian', async () => {
    const waiting = new ConsoleApiError(
      'move_waiting',
      'A claim of this alert is still waiting to be sent',
      undefined,
      { kind: 'claim' },
    );
    await i18next.changeLanguage('en');
    expect(errorText(waiting, i18next.t)).toBe(
      'A claim of this alert is still waiting to be sent.',
    );
    expect(
      errorText(
        new ConsoleApiError('forbidden', 'Your role may not do this (store.purge)'),
        i18next.t,
      ),
    ).toBe('Your role may not do this.');
    await i18next.changeLanguage('lv');
    expect(errorText(new ConsoleApiError('locked', 'locked'), i18next.t)).toBe(
      'Konsole ir bloķēta: ievadiet savu paroli.',
    );
    expect(
      errorText(
        new ConsoleApiError('unavailable', 'The basemap file cannot be used', undefined, {
          reason: 'basemap',
        }),
        i18next.t,
      ),
    ).toBe('Pašlaik nav pieejams: Pamatkartes failu nevar izmantot.');
  });

  it('keeps the field the core named for a refused input', async () => {
    await i18next.changeLanguage('en');
    const error = new ConsoleApiError('invalid_input', 'retentionDays: Too small', 'retentionDays');
    expect(errorText(error, i18next.t)).toBe('Not accepted: retentionDays: Too small');
    expect(errorText(new Error('boom'), i18next.t)).toBe('Error: boom');
  });
});
