import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/domain/settings';
import {
  timelineKinds,
  type Timeline,
  type TimelineKind,
} from '../../../../shared/domain/timeline';
import { catalogs } from '../../../../shared/i18n';
import { eventText, eventWhat } from '../../../../shared/timeline/describe';
import { useFormat } from '../../api/use-format';
import { useVirtualRows } from '../../app/virtual-rows';
import { alertTime, listRows, rowAtTime } from './timeline-rows';

const ROW_HEIGHT = 26;
const SOURCES = ['GPS', 'cell', 'Wi-Fi', 'RF home'];

interface Props {
  timeline: Timeline;
  shown: ReadonlySet<TimelineKind>;
  onShown(shown: ReadonlySet<TimelineKind>): void;
  cursor: number;
  onCursor(at: number): void;
}

/**
 * The merged timeline as a list (virtualised: a 90-day window is 130,000 fixes), filtered by kind,
 * with a jump from alert to alert. The row at the replay's cursor is marked and kept in view;
 * a click on a row moves the cursor there, and the map with it.
 */
export function TimelineList({ timeline, shown, onShown, cursor, onCursor }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const words = catalogs[(i18n.language === 'lv' ? 'lv' : 'en') as Language];
  const rows = useMemo(() => listRows(timeline, shown), [timeline, shown]);
  const current = rowAtTime(timeline, rows, cursor);
  const { first, last, totalHeight, scroller } = useVirtualRows(rows.length, ROW_HEIGHT, current);
  const toggle = (kind: TimelineKind) => {
    const next = new Set(shown);
    if (!next.delete(kind)) next.add(kind);
    onShown(next);
  };
  const jump = (direction: 1 | -1) => {
    const at = alertTime(timeline, cursor, direction);
    if (at !== null) onCursor(at);
  };
  return (
    <section className="timeline-list-pane" aria-label={t('timeline.title')}>
      <fieldset className="timeline-filter">
        <legend>{t('timeline.filter')}</legend>
        {timelineKinds.map((kind) => (
          <label key={kind}>
            <input type="checkbox" checked={shown.has(kind)} onChange={() => toggle(kind)} />
            {t(`timeline.kinds.${kind}`)}
          </label>
        ))}
        <button type="button" onClick={() => jump(-1)}>
          {t('timeline.prevAlert')}
        </button>
        <button type="button" onClick={() => jump(1)}>
          {t('timeline.nextAlert')}
        </button>
      </fieldset>
      <p className="muted">
        {t('timeline.events', { count: timeline.events.length, fixes: timeline.track.at.length })}
      </p>
      <div {...scroller} className="timeline-list" role="list" data-testid="timeline-list">
        <div style={{ height: totalHeight, position: 'relative' }}>
          {Array.from({ length: last - first }, (_, k) => {
            const index = first + k;
            const row = rows[index]!;
            const event = row >= 0 ? timeline.events[row]! : null;
            const fix = -1 - row;
            const at = event ? event.at : timeline.track.at[fix]!;
            return (
              <div
                key={row}
                role="listitem"
                className={`timeline-row kind-${event?.kind ?? 'position'}${index === current ? ' at-cursor' : ''}`}
                style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
                onClick={() => onCursor(at)}
              >
                <time>{format.dateTime(at)}</time>
                <span className="kind">{t(`timeline.kinds.${event?.kind ?? 'position'}`)}</span>
                <span className="what">
                  {event
                    ? eventWhat(event, words)
                    : t('timeline.changes.position', {
                        accuracy: Math.round(timeline.track.accuracyM[fix]!),
                        source: SOURCES[timeline.track.source[fix]!],
                      })}
                </span>
                <span className="who">{event?.operatorId ?? ''}</span>
                <span className="text">{event ? eventText(event, words) : ''}</span>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
