import { api } from '../../../api';

/**
 * A desktop notification: Electron's (through the core) where the console runs in the desktop
 * shell, the browser's Notification API in a headless console. Only while the window is not in
 * front: in front, the queue and the sound already say it.
 */
export async function notifyDesktop(title: string, body: string, tag: string): Promise<void> {
  if (document.hasFocus()) return;
  const { shown } = await api.attention.notify({ title, body, tag });
  if (shown || typeof Notification === 'undefined') return;
  if (Notification.permission === 'default') await Notification.requestPermission();
  if (Notification.permission === 'granted') new Notification(title, { body, tag });
}
