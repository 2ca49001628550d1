import type { lv } from '../i18n/lv';
import type { TimelineEvent } from '../domain/timeline';
import { fill } from '../format/fill';

type Words = typeof lv;

/** An event's "what" column in the console's language (the list, the PDF and the CSV alike). */
export function eventWhat(event: TimelineEvent, words: Words): string {
  const w = words.timeline.changes;
  const typeName = (code: string) => words.alertType[code as keyof Words['alertType']] ?? code;
  switch (event.kind) {
    case 'zone':
      return `${fill(event.change === 'entry' ? w.entry : w.exit, { name: event.name })}${
        event.inForce === false ? ` ${words.timeline.notInForce}` : ''
      }`;
    case 'schedule':
      return fill(event.change === 'start' ? w.start : w.end, { name: event.name });
    case 'alert':
    case 'device':
      return fill(event.change === 'raised' ? w.raised : w.cleared, { name: typeName(event.name) });
    case 'action':
      return `${words.alerts.act[event.change as keyof Words['alerts']['act']] ?? event.change} · ${event.ref ?? ''}`;
    case 'journal':
      return (
        words.shifts.category[event.change as keyof Words['shifts']['category']] ?? event.change
      );
    case 'gap':
      return fill(w.gap, { minutes: event.text });
  }
}

/** The event's free text: a note, a journal entry, an exception's reason, an alert's severity. */
export function eventText(event: TimelineEvent, words: Words): string {
  if (event.kind === 'alert' || event.kind === 'device')
    return words.alerts.severity[event.text as keyof Words['alerts']['severity']] ?? event.text;
  if (event.kind === 'gap') return '';
  return event.text;
}
