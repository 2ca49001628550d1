/**
 * Text as search compares it: lower case without diacritics, so "riga" finds "Rīgā" and "skirts"
 * finds "šķirts" (every Latvian letter decomposes into a base letter and a mark under NFD).
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
