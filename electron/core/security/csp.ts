/**
 * The Content-Security-Policy for the renderer: only our own scripts and styles, no inline code,
 * no plugins, no framing. `connect` adds the origins the page may talk to (the headless bridge's
 * WebSocket), `images` adds tile servers the centre configures.
 */
export function contentSecurityPolicy(
  extra: { connect?: string[]; images?: string[] } = {},
): string {
  const connect = ["'self'", ...(extra.connect ?? [])].join(' ');
  const images = ["'self'", 'data:', 'blob:', ...(extra.images ?? [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${images}`,
    "font-src 'self'",
    `connect-src ${connect}`,
    "media-src 'self'",
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
