import type { Alert, AlertAction, JournalEntry, ZoneVersion } from '../central/records';
import { equipmentAlertTypes } from '../domain/alert-types';
import type { EventKind, TimelineEvent } from '../domain/timeline';
import { containsPoint } from '../zones/geometry';
import { scheduleInForce } from '../zones/schedule';
import { scheduleEdges } from './schedule-edges';

/** Fixes further apart than this are a gap in reporting, drawn as a gap and listed. */
export const GAP_MS = 15 * 60_000;

export interface TimelineSources {
  clientId: string;
  fromMs: number;
  toMs: number;
  /** The fixes' columns (typed or plain arrays). */
  track: { at: ArrayLike<number>; lat: ArrayLike<number>; lon: ArrayLike<number> };
  /** Every version of every zone of the client that overlaps the window, any order. */
  zones: readonly ZoneVersion[];
  alerts: readonly Alert[];
  actions: readonly AlertAction[];
  journal: readonly JournalEntry[];
  /** The end of what can have been reported (now, for a window that reaches the present). */
  nowMs?: number;
  /**
   * From when the fixes are known (the cache's start, when older history was not fetched):
   * no fix before it is not a gap in reporting, only in what this console holds.
   */
  knownFromMs?: number;
}

/** A device's own events: the equipment alerts, and the strap or case opened. */
const DEVICE_TYPES = new Set<string>([...equipmentAlertTypes, 'strap_tamper', 'case_tamper']);

const ORDER: Record<EventKind, number> = {
  schedule: 0,
  gap: 1,
  zone: 2,
  alert: 3,
  device: 3,
  action: 4,
  journal: 5,
};

const event = (fields: Partial<TimelineEvent> & Pick<TimelineEvent, 'at' | 'kind'>) =>
  ({
    ref: null,
    change: '',
    name: '',
    operatorId: null,
    text: '',
    until: null,
    inForce: null,
    ...fields,
  }) satisfies TimelineEvent;

const ms = (iso: string | null): number =>
  iso === null ? Number.POSITIVE_INFINITY : Date.parse(iso);

const appliesTo = (zone: ZoneVersion, clientId: string): boolean =>
  zone.clientId === clientId || (zone.clientId === null && zone.appliesTo.includes(clientId));

/**
 * The client's window as one ordered list (positions stay in the track, the list interleaves them):
 * zone entries and exits judged against the zone version valid at each fix, schedule edges of each
 * version while it was valid, alerts raised and cleared (equipment alerts as device events), every
 * action, journal entries, and gaps. Pure, so a fixed data set pins it down.
 */
export function mergeTimeline(sources: TimelineSources): TimelineEvent[] {
  const { fromMs, toMs } = sources;
  const inWindow = (at: number) => at >= fromMs && at < toMs;
  const zones = sources.zones
    .filter((zone) => appliesTo(zone, sources.clientId))
    .sort((a, b) => ms(a.validFrom) - ms(b.validFrom) || a.version - b.version);
  const events: TimelineEvent[] = [
    ...zoneCrossings(sources.track, zones),
    ...zones.flatMap((zone) =>
      scheduleEdges(
        zone.schedule,
        Math.max(fromMs, ms(zone.validFrom)),
        Math.min(toMs, ms(zone.validTo)),
      ).map((edge) =>
        event({
          at: edge.at,
          kind: 'schedule',
          ref: zone.id,
          name: zone.name,
          change: edge.inForce ? 'start' : 'end',
          text: edge.reason ?? '',
          inForce: edge.inForce,
        }),
      ),
    ),
    ...gaps(
      sources.track.at,
      Math.max(fromMs, sources.knownFromMs ?? fromMs),
      Math.min(toMs, sources.nowMs ?? toMs),
    ),
  ];
  for (const alert of sources.alerts) {
    const kind = DEVICE_TYPES.has(alert.type) ? 'device' : 'alert';
    const base = { kind, ref: alert.id, name: alert.type, text: alert.severity } as const;
    if (inWindow(ms(alert.raisedAt)))
      events.push(event({ ...base, at: ms(alert.raisedAt), change: 'raised' }));
    if (alert.clearedAt && inWindow(ms(alert.clearedAt)))
      events.push(event({ ...base, at: ms(alert.clearedAt), change: 'cleared' }));
  }
  for (const action of sources.actions) {
    if (!inWindow(ms(action.at))) continue;
    events.push(
      event({
        at: ms(action.at),
        kind: 'action',
        ref: action.alertId,
        change: action.kind,
        operatorId: action.operatorId,
        text: actionText(action),
      }),
    );
  }
  for (const entry of sources.journal) {
    if (!inWindow(ms(entry.at))) continue;
    events.push(
      event({
        at: ms(entry.at),
        kind: 'journal',
        ref: entry.id,
        change: entry.category,
        operatorId: entry.operatorId,
        text: entry.text,
        name: entry.correctsEntryId ?? '',
      }),
    );
  }
  return events
    .filter((e) => inWindow(e.at))
    .sort((a, b) => a.at - b.at || ORDER[a.kind] - ORDER[b.kind]);
}

/** An action's words as one line: a note's text, a contact's who/how/outcome, a resolution. */
export function actionText(action: AlertAction): string {
  const p = action.payload as Record<string, unknown>;
  return ['text', 'who', 'channel', 'outcome', 'to', 'reason', 'code', 'note']
    .map((key) => p[key])
    .filter((value): value is string => typeof value === 'string' && value !== '')
    .join(' · ');
}

/** Entry and exit of each zone, judged at each fix against the version valid at that moment. */
function zoneCrossings(
  track: TimelineSources['track'],
  zones: readonly ZoneVersion[],
): TimelineEvent[] {
  const byZone = new Map<string, ZoneVersion[]>();
  for (const zone of zones) byZone.set(zone.id, [...(byZone.get(zone.id) ?? []), zone]);
  const events: TimelineEvent[] = [];
  for (const zoneVersions of byZone.values()) {
    // Validity parsed once, not at each of the track's fixes.
    const versions = zoneVersions.map((zone) => ({
      zone,
      from: ms(zone.validFrom),
      to: ms(zone.validTo),
    }));
    let v = 0;
    let inside: boolean | null = null;
    for (let i = 0; i < track.at.length; i += 1) {
      const at = track.at[i]!;
      while (v < versions.length && versions[v]!.to <= at) v += 1;
      const version = versions[v];
      if (!version || version.from > at) {
        inside = null; // the zone did not exist then: no crossing to speak of
        continue;
      }
      const zone = version.zone;
      const now = containsPoint(zone.geometry, { lat: track.lat[i]!, lon: track.lon[i]! });
      if (inside !== null && now !== inside)
        events.push(
          event({
            at,
            kind: 'zone',
            ref: zone.id,
            name: zone.name,
            change: now ? 'entry' : 'exit',
            text: zone.kind,
            inForce: scheduleInForce(zone.schedule, new Date(at)),
          }),
        );
      inside = now;
    }
  }
  return events;
}

/** Stretches longer than GAP_MS with no fix, including before the first and after the last. */
function gaps(at: ArrayLike<number>, fromMs: number, endMs: number): TimelineEvent[] {
  const found: TimelineEvent[] = [];
  let previous = fromMs;
  // An index loop over the typed column: copying 130,000 fixes into an array cost more than the rest.
  for (let i = 0; i <= at.length; i += 1) {
    const t = i < at.length ? at[i]! : endMs;
    if (t - previous > GAP_MS)
      found.push(
        event({
          at: previous,
          kind: 'gap',
          until: t,
          text: String(Math.round((t - previous) / 60_000)),
        }),
      );
    previous = Math.max(previous, t);
  }
  return found;
}
