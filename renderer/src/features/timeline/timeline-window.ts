import { MAX_WINDOW_DAYS } from '../../../../shared/domain/timeline';
import type { Link } from '../../app/routes';

export type TimelineLink = Extract<Link, { route: 'timeline' }>;
export type WindowPreset = 'alert' | 'shift' | 'day' | 'custom';

export interface TimelineWindow {
  from: string;
  to: string;
  preset: WindowPreset;
}

const HOUR = 3_600_000;

/** ±1 hour around an alert (or a journal entry): what a reviewer looks at first. */
export function aroundMoment(at: string | number): { from: string; to: string } {
  const t = new Date(at).getTime();
  return { from: new Date(t - HOUR).toISOString(), to: new Date(t + HOUR).toISOString() };
}

/** The window a link asks for: its from–to (an alert's, a shift's, a custom one) or the last 24 h. */
export function windowOf(link: TimelineLink, nowMs: number): TimelineWindow {
  if (link.from && link.to) {
    const preset = link.alert ? 'alert' : link.shift ? 'shift' : 'custom';
    return { from: link.from, to: link.to, preset };
  }
  return {
    from: new Date(nowMs - 24 * HOUR).toISOString(),
    to: new Date(nowMs).toISOString(),
    preset: 'day',
  };
}

/** Why a custom window cannot be opened, or null: it must end after it starts, within 90 days. */
export function windowProblem(from: number, to: number): 'order' | 'length' | null {
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return 'order';
  return to - from > MAX_WINDOW_DAYS * 24 * HOUR ? 'length' : null;
}

/** `datetime-local` speaks local wall time without a zone: to and from an ISO instant. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const fromLocalInput = (value: string): number => new Date(value).getTime();
