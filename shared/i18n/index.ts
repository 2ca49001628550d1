import type { Language } from '../domain/settings';
import { en } from './en';
import { lv } from './lv';

export const catalogs = { en, lv } satisfies Record<Language, typeof lv>;
