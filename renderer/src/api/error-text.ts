import type { TFunction } from 'i18next';
import { ConsoleApiError } from '../../../shared/api/errors';

/**
 * The core's error in the operator's language: its code (and parameters) worded by the catalog;
 * the core's English message only fills in what a code leaves open (which field, which reason).
 */
export function errorText(error: unknown, t: TFunction): string {
  if (!(error instanceof ConsoleApiError)) return String(error);
  // A station's refusal is worded by its own code (E_FULL: "already pairs 4 tags").
  if (error.code === 'station_refused') {
    const code = String(error.params?.stationCode ?? '');
    const key = t(`stationError.${code}`, { defaultValue: '' }) !== '' ? code : 'other';
    return t(`stationError.${key}`, { ...error.params });
  }
  const reason = error.params?.reason;
  const message =
    typeof reason === 'string' && t(`errorReason.${reason}`, { defaultValue: '' }) !== ''
      ? t(`errorReason.${reason}`)
      : error.message;
  return t(`errorCode.${error.code}`, { ...error.params, message });
}
