import { localeFor } from '../../../../shared/i18n';
import type { Language } from '../../../../shared/domain/settings';

/** A time as a Latvian centre reads it in either language: day first, 24-hour, seconds. */
export function formatTime(iso: string, language: string): string {
  const locale = localeFor[(language in localeFor ? language : 'en') as Language];
  return new Date(iso).toLocaleString(locale, { hour12: false });
}
