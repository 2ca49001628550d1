import { z } from 'zod';
import { alertTypes } from '../central/records';
import { alertSlaSchema, defaultAlertSla } from './alerts';

/**
 * Console settings, stored in the data directory. Each field is listed once here; the stored file,
 * the patch an operator sends and the defaults all derive from this shape, so a field added later
 * keeps older files valid (missing fields take their default).
 */
/**
 * A central service's base URL: http or https, a host, an optional port and path, no query; kept
 * without a trailing slash. (A pattern, not URL: shared code runs where no URL class is typed.)
 */
export const centralUrlSchema = z
  .string()
  .trim()
  .regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[^\s?#]*)?$/, 'must be an http or https URL')
  .transform((url) => url.replace(/\/+$/, ''));

/**
 * An XYZ tile URL template, e.g. https://tiles.example.lv/{z}/{x}/{y}.png ({s} for subdomains).
 * http(s) only: the page's CSP admits the tile server's origin and nothing else.
 */
export const tileUrlSchema = z
  .string()
  .trim()
  .regex(
    /^https?:\/\/[A-Za-z0-9.{}-]+(:\d{1,5})?\/[^\s]*\{z\}[^\s]*\{x\}[^\s]*\{y\}[^\s]*$/,
    'must be an http(s) tile URL with {z}, {x} and {y}',
  );

/** The origin a tile template loads from, as CSP writes it ({s} subdomains become *). */
export function tileOrigin(template: string): string {
  const match = /^(https?:\/\/[^/]+)/.exec(template.replace(/\{s\}/g, '*'));
  return match?.[1] ?? '';
}

/**
 * A local PMTiles basemap file: an absolute path (POSIX or Windows) ending in .pmtiles. The core
 * reads it for the page in byte ranges; the page never gets a file URL.
 */
export const pmtilesPathSchema = z
  .string()
  .trim()
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]).*\.pmtiles$/i, 'must be an absolute path to a .pmtiles file');

const settingsFields = {
  language: z.enum(['lv', 'en']),
  theme: z.enum(['dark', 'light']),
  /** Positions older than this many days are purged from the local cache. */
  retentionDays: z.number().int().min(1).max(3650),
  /**
   * The centre's central monitoring service; null: the built-in training simulator. Read at
   * start-up: each service has a cache of its own, so a change applies on the next start.
   */
  centralUrl: centralUrlSchema.nullable(),
  /** The institution's tile server; null: the built-in offline basemap only. */
  tileUrl: tileUrlSchema.nullable(),
  tileAttribution: z.string().trim().max(200),
  /** A PMTiles basemap on this computer, drawn over the offline one; null: none. */
  pmtilesPath: pmtilesPathSchema.nullable(),
  /** How many hours of a selected client's trail the map draws. */
  trailHours: z.number().min(0.25).max(72),
  /** Per severity: how soon an alert must be claimed and resolved. */
  alertSla: alertSlaSchema,
  /**
   * The centre's own checklist per alert type (steps, in order); a type not listed shows the
   * built-in guidance in the operator's language.
   */
  alertGuidance: z.partialRecord(
    z.enum(alertTypes),
    z.array(z.string().trim().min(1).max(200)).max(12),
  ),
};

export const settingsSchema = z.object(settingsFields).strict();
export type Settings = z.infer<typeof settingsSchema>;

/** What an operator may change in one call: any subset of the fields, nothing else. */
export const settingsPatchSchema = z.object(settingsFields).partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** What a stored file may hold: unknown keys (from a newer console) are dropped, not fatal. */
export const storedSettingsSchema = z.object(settingsFields).partial();

export const defaultSettings: Settings = {
  language: 'en',
  theme: 'dark',
  retentionDays: 90,
  centralUrl: null,
  tileUrl: null,
  tileAttribution: '',
  pmtilesPath: null,
  trailHours: 2,
  alertSla: defaultAlertSla,
  alertGuidance: {},
};

export const languages = settingsFields.language.options;
export type Language = Settings['language'];
