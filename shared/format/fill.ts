/** Fills `{{name}}` placeholders of a catalog text the way the page's i18next does. */
export function fill(template: string, values: Record<string, string | number | null>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}
