/**
 * Text for a place that takes HTML (Leaflet's attribution control): escaped, so an attribution an
 * administrator typed, or one a basemap file carries, is shown as text and never runs as markup.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
