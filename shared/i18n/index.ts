import type { Language } from '../domain/settings';
import { en } from './en';
import { lv } from './lv';

export const catalogs = { en, lv } satisfies Record<Language, typeof lv>;

/** The locale dates and times are written in: 24-hour clock and day-first dates for both. */
export const localeFor: Record<Language, string> = { lv: 'lv-LV', en: 'en-GB' };
