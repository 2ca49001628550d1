import { BrowserWindow, Notification } from 'electron';

/**
 * A desktop notification for an alert while the console is not in front. Clicking it brings the
 * console back; the page itself decides what deserves one (and honours the mute).
 */
export function showNotification({ title, body }: { title: string; body: string }): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title, body, urgency: 'critical' });
  notification.on('click', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  notification.show();
}
