import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  timelineKinds,
  type Timeline,
  type TimelineKind,
} from '../../../../shared/domain/timeline';
import { unpackTimeline } from '../../../../shared/timeline/packed-track';
import { api } from '../../api';
import { errorText } from '../../api/error-text';
import { useLive } from '../../api/use-live';
import { href } from '../../app/routes';
import { useLink } from '../../app/use-route';
import { ExportBar } from './ExportBar';
import { HistoryBar } from './HistoryBar';
import { ReplayControls } from './ReplayControls';
import { ReplayMap } from './ReplayMap';
import { TimelineList } from './TimelineList';
import { nextEventTime } from './timeline-rows';
import { windowOf, type TimelineLink, type TimelineWindow } from './timeline-window';
import { useReplay } from './use-replay';
import { WindowBar } from './WindowBar';
import './timeline.css';

/** The supervisors' review of one client's window; a new link (client or window) starts afresh. */
export function TimelinePage() {
  const link = useLink() as TimelineLink;
  return <TimelineView key={href(link)} link={link} />;
}

function TimelineView({ link }: { link: TimelineLink }) {
  const { t } = useTranslation();
  // Fixed when the link is opened: "the last 24 h" means those of the moment it was opened.
  const [window] = useState<TimelineWindow>(() => windowOf(link, Date.now()));
  const [fetches, setFetches] = useState(0);
  const request = link.client ? { clientId: link.client, from: window.from, to: window.to } : null;
  const timeline = useLive(
    async () => {
      if (!request) return null;
      const answer = unpackTimeline(await api.timeline.open(request));
      // With the layer's marks, splits a slow opening into the core's share and the page's.
      performance.mark('timeline-loaded');
      return answer;
    },
    [],
    [link.client, window.from, window.to, fetches],
  );
  return (
    <section className="timeline-page" data-testid="timeline-page">
      <h1>
        {t('timeline.title')}
        {timeline.value &&
          `: ${timeline.value.client.displayName} · ${timeline.value.client.caseNumber}`}
      </h1>
      <WindowBar link={link} window={window} />
      {!link.client && <p className="muted">{t('timeline.pick')}</p>}
      {timeline.error !== null && <p className="error">{errorText(timeline.error, t)}</p>}
      {timeline.value && request && (
        <>
          <HistoryBar timeline={timeline.value} onFetched={() => setFetches((n) => n + 1)} />
          <ExportBar window={request} />
          <Review timeline={timeline.value} startAt={anchorOf(link, window)} />
        </>
      )}
    </section>
  );
}

/** Where the replay starts: at the alert of an alert's window (its middle), else the start. */
const anchorOf = (link: TimelineLink, window: TimelineWindow): number =>
  link.alert ? (Date.parse(window.from) + Date.parse(window.to)) / 2 : Date.parse(window.from);

const ALL = new Set<TimelineKind>(timelineKinds);

function Review({ timeline, startAt }: { timeline: Timeline; startAt: number }) {
  const fromMs = Date.parse(timeline.from);
  const toMs = Date.parse(timeline.to);
  const replay = useReplay(fromMs, toMs, startAt);
  const [shown, setShown] = useState<ReadonlySet<TimelineKind>>(ALL);
  return (
    <div className="timeline-review">
      <TimelineList
        timeline={timeline}
        shown={shown}
        onShown={setShown}
        cursor={replay.cursor}
        onCursor={replay.moveTo}
      />
      <div className="timeline-replay">
        <ReplayMap timeline={timeline} cursor={replay.cursor} />
        <ReplayControls
          fromMs={fromMs}
          toMs={toMs}
          cursor={replay.cursor}
          playing={replay.playing}
          speed={replay.speed}
          onPlaying={replay.setPlaying}
          onSpeed={replay.setSpeed}
          onCursor={replay.moveTo}
          onNextEvent={() => {
            const next = nextEventTime(timeline, replay.cursor, shown);
            if (next !== null) replay.moveTo(next);
          }}
        />
      </div>
    </div>
  );
}
