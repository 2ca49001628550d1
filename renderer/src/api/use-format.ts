import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAge, formatTimer } from '../../../shared/format/age';
import {
  formatDate,
  formatDateTime,
  formatDistance,
  formatTime,
} from '../../../shared/format/datetime';
import type { Language } from '../../../shared/domain/settings';

/** Every date, time, duration and distance the page shows, in the chosen language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language: Language = i18n.language === 'lv' ? 'lv' : 'en';
  return useMemo(
    () => ({
      dateTime: (at: string | number | Date) => formatDateTime(at, language),
      date: (at: string | number | Date) => formatDate(at, language),
      time: (at: string | number | Date, seconds = true) => formatTime(at, language, seconds),
      age: formatAge,
      timer: formatTimer,
      distance: (metres: number) => formatDistance(metres, language),
    }),
    [language],
  );
}
