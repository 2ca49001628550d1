import type { Language } from '../domain/settings';
import { localeFor } from '../i18n';

/**
 * Dates and times as a Latvian centre reads them, in either language: day first, 24-hour clock
 * (`30.11.2026, 03:07:12` in Latvian, `30/11/2026, 03:07:12` in English), in the console's zone.
 */
const DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
};
const SHORT_TIME: Intl.DateTimeFormatOptions = {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(localeFor[language], options);
    formatters.set(key, made);
  }
  return made;
}

const toDate = (at: string | number | Date): Date => (at instanceof Date ? at : new Date(at));

export function formatDateTime(at: string | number | Date, language: Language): string {
  return formatter(language, { ...DATE, ...TIME }).format(toDate(at));
}

export function formatDate(at: string | number | Date, language: Language): string {
  return formatter(language, DATE).format(toDate(at));
}

export function formatTime(at: string | number | Date, language: Language, seconds = true): string {
  return formatter(language, seconds ? TIME : SHORT_TIME).format(toDate(at));
}

/** A distance for a person: metres below a kilometre, else kilometres with one decimal. */
export function formatDistance(metres: number, language: Language): string {
  const locale = localeFor[language];
  if (metres < 1000) return `${Math.round(metres).toLocaleString(locale)} m`;
  return `${(metres / 1000).toLocaleString(locale, { maximumFractionDigits: 1 })} km`;
}
