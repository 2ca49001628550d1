import { z } from 'zod';
import { idSchema, timestampSchema } from '../central/primitives';
import { alertActionSchema, alertSchema, zoneVersionSchema } from '../central/records';

/** What a timeline row can be; positions come from the track, the rest are events. */
export const timelineKinds = [
  'position',
  'zone',
  'schedule',
  'alert',
  'action',
  'journal',
  'device',
  'gap',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];
export type EventKind = Exclude<TimelineKind, 'position'>;

/**
 * One moment of the merged timeline, flat so the list, the PDF and the CSV read it alike:
 * - zone: `change` entry | exit, `ref` the zone, `name` its name, `inForce` its schedule then;
 * - schedule: `change` start | end of the zone `ref`'s schedule (`text`: an exception's reason);
 * - alert / device: `change` raised | cleared, `ref` the alert, `name` its type (device: the
 *   equipment types: battery, strap, case, base station, communication);
 * - action: `change` the action's kind, `ref` the alert, `operatorId` and `text`;
 * - journal: `change` the category, `ref` the entry, `operatorId` and `text`;
 * - gap: no fix from `at` until `until`.
 */
export const timelineEventSchema = z.object({
  at: z.number(),
  kind: z.enum(['zone', 'schedule', 'alert', 'action', 'journal', 'device', 'gap']),
  ref: z.string().nullable(),
  change: z.string(),
  name: z.string(),
  operatorId: z.string().nullable(),
  text: z.string(),
  until: z.number().nullable(),
  inForce: z.boolean().nullable(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const positionSources = ['gps', 'cell', 'wifi', 'rf_home'] as const;

const SOURCE_CODES = new Map<string, number>(positionSources.map((source, i) => [source, i]));
/** A position's source as the track's code (an unknown one as GPS). */
export const sourceCode = (source: string): number => SOURCE_CODES.get(source) ?? 0;

/**
 * A track as typed columns (see PositionTrack); `source` indexes positionSources. The fixes' ids
 * stay in the core (the exports carry them): 130,000 of them would be a fifth of what the page is sent.
 */
export interface TrackColumns {
  at: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  accuracyM: Float32Array;
  source: Uint8Array;
}
/**
 * The core's track: the columns and each fix's id, for the evidence exports; and when it was read
 * for the screen, the same fixes already packed for the bridge (shared/timeline/packed-track.ts).
 */
export type TrackWithIds = TrackColumns & { id: string[]; packed?: Uint8Array };

/**
 * A track as it crosses the bridge: its columns as varint steps (see shared/timeline/packed-track.ts);
 * positions to 1e-7 degree and accuracy to the metre. The bytes are cloned as they are over IPC and
 * travel in a frame over the headless bridge (shared/api/binary-frame.ts).
 */
export const packedTrackSchema = z.object({
  count: z.number().int().min(0),
  data: z.instanceof(Uint8Array),
});
export type PackedTrack = z.infer<typeof packedTrackSchema>;

export const MAX_WINDOW_DAYS = 90;

/** Which window to open: around an alert, a shift, the last 24 h, or from–to (≤ 90 days). */
export const timelineInputSchema = z
  .object({
    clientId: idSchema,
    from: timestampSchema,
    to: timestampSchema,
  })
  .refine((w) => Date.parse(w.from) < Date.parse(w.to), {
    message: 'must end after it starts',
    path: ['to'],
  })
  .refine((w) => Date.parse(w.to) - Date.parse(w.from) <= MAX_WINDOW_DAYS * 86_400_000, {
    message: `may be at most ${MAX_WINDOW_DAYS} days`,
    path: ['to'],
  });

export const timelineSchema = z.object({
  client: z.object({ id: idSchema, displayName: z.string(), caseNumber: z.string() }),
  from: timestampSchema,
  to: timestampSchema,
  track: packedTrackSchema,
  events: z.array(timelineEventSchema),
  zones: z.array(zoneVersionSchema),
  alerts: z.array(alertSchema),
  actions: z.array(alertActionSchema),
  /**
   * Where the data came from: `cacheFrom` is the oldest moment this console's cache holds for the
   * client; before it the service's history was fetched (`fetched`) or is still to fetch.
   * `zoneHistory`: whether older zone versions came from the service (1.1) or only the cache saw.
   */
  source: z.object({
    cacheFrom: timestampSchema.nullable(),
    fetched: z.boolean(),
    zoneHistory: z.enum(['service', 'cache']),
  }),
});
/** A timeline as `timeline.open` answers it (the track packed). */
export type PackedTimeline = z.infer<typeof timelineSchema>;
/** A timeline as the page, the merge and the exports read it (the track unpacked). */
export type Timeline = Omit<PackedTimeline, 'track'> & { track: TrackColumns };
/** The core's timeline before it is sent: the track with its ids. */
export type TimelineWithIds = Omit<Timeline, 'track'> & { track: TrackWithIds };

/** History beyond the cache, fetched page by page: progress pushed as `timeline.progress`. */
export const historyProgressSchema = z.object({
  requestId: idSchema,
  /** Share of the window's uncached part fetched so far, 0..1. */
  done: z.number().min(0).max(1),
  positions: z.number().int(),
  alerts: z.number().int(),
  state: z.enum(['fetching', 'done', 'cancelled', 'failed']),
  message: z.string().nullable(),
});
export type HistoryProgress = z.infer<typeof historyProgressSchema>;

export const historyInputSchema = z.object({
  requestId: idSchema,
  window: timelineInputSchema,
});
export const cancelInputSchema = z.object({ requestId: idSchema });
