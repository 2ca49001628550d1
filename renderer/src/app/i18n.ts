import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/domain/settings';
import { catalogs } from '../../../shared/i18n';

/** All UI text goes through i18next; the catalogs live in shared/ so the core can use them too. */
export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources: { en: { translation: catalogs.en }, lv: { translation: catalogs.lv } },
    interpolation: { escapeValue: false }, // React escapes
  });
  document.documentElement.lang = language;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
}
