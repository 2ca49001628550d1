import { z } from 'zod';
import { alertTypes } from '../central/records';
import { alertSlaSchema, defaultAlertSla } from './alerts';
import {
  defaultStationConfig,
  defaultStationLimits,
  stationConfigSchema,
  stationLimitsSchema,
} from './commissioning';

/**
 * Hosts that may be reached over plain http: this machine only (the training simulator, a local
 * tile cache). Anything else must be https, or an operator's password and clients' data cross the
 * network in clear.
 */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** Host and scheme of an http(s) URL (shared code runs where no URL class is typed). */
function schemeAndHost(url: string): { scheme: string; host: string } | null {
  const match = /^(https?):\/\/(\[::1\]|[^/:?#]+)/i.exec(url);
  return match ? { scheme: match[1]!.toLowerCase(), host: match[2]!.toLowerCase() } : null;
}

/** https anywhere; http only to this machine. */
export function isAllowedTransport(url: string): boolean {
  const parts = schemeAndHost(url);
  if (!parts) return false;
  return parts.scheme === 'https' || LOOPBACK_HOST.test(parts.host);
}

/**
 * A central service's base URL: https (http only on loopback), a host, an optional port and path,
 * no query; kept without a trailing slash.
 */
export const centralUrlSchema = z
  .string()
  .trim()
  .regex(
    /^https?:\/\/([A-Za-z0-9.-]+|\[::1\])(:\d{1,5})?(\/[^\s?#]*)?$/,
    'must be an http or https URL',
  )
  .refine(isAllowedTransport, 'must be https (plain http only to this machine)')
  .transform((url) => url.replace(/\/+$/, ''));

/**
 * An XYZ tile URL template, e.g. https://tiles.example.lv/{z}/{x}/{y}.png, with `{s}` allowed as
 * a whole label of the host (subdomains, listed in tileSubdomains). https only (http on loopback):
 * the page's CSP admits exactly the tile server's origins and nothing else.
 */
export const tileUrlSchema = z
  .string()
  .trim()
  .regex(
    /^https?:\/\/(([A-Za-z0-9-]+|\{s\})(\.([A-Za-z0-9-]+|\{s\}))*|\[::1\])(:\d{1,5})?\/[^\s]*\{z\}[^\s]*\{x\}[^\s]*\{y\}[^\s]*$/,
    'must be an https tile URL with {z}, {x} and {y}',
  )
  // {s} alone would make the host whatever the subdomain list says: a named domain must follow.
  .refine((url) => !/^https?:\/\/\{s\}[:/]/.test(url), '{s} must be part of a host name')
  .refine(isAllowedTransport, 'must be https (plain http only to this machine)');

/**
 * A WMS service's base URL (Latvia's mapping agency and many municipalities publish one), e.g.
 * https://maps.example.lv/geoserver/ows. https only (http on loopback); its origin joins the CSP.
 */
export const wmsUrlSchema = z
  .string()
  .trim()
  .regex(
    /^https?:\/\/([A-Za-z0-9.-]+|\[::1\])(:\d{1,5})?(\/[^\s#]*)?$/,
    'must be an https URL of a WMS service',
  )
  .refine(isAllowedTransport, 'must be https (plain http only to this machine)');

/** Subdomains `{s}` stands for; each becomes one explicit origin in the CSP. */
export const tileSubdomainsSchema = z
  .array(z.string().regex(/^[A-Za-z0-9-]{1,32}$/, 'a subdomain is letters, digits and -'))
  .min(1)
  .max(8);

/** The origin of a plain URL (a WMS service's), as CSP writes it. */
export function urlOrigin(url: string): string {
  return /^(https?:\/\/[^/?#]+)/.exec(url)?.[1] ?? '';
}

/** The origins a tile template loads from, as CSP writes them: one per subdomain, never `*`. */
export function tileOrigins(template: string, subdomains: readonly string[]): string[] {
  const variants = template.includes('{s}')
    ? subdomains.map((sub) => template.replace(/\{s\}/g, sub))
    : [template];
  const origins = variants.map((url) => /^(https?:\/\/[^/]+)/.exec(url)?.[1] ?? '');
  return [...new Set(origins.filter((origin) => origin !== ''))];
}

/**
 * A local PMTiles basemap file: an absolute path (POSIX or Windows drive) ending in .pmtiles.
 * Network paths (`//host/share`, `\\host\share`) are refused: opening one sends the user's
 * login hash to that host on Windows. The core also insists that the file lies in basemapDir.
 */
export const pmtilesPathSchema = z
  .string()
  .trim()
  .max(4096)
  .regex(
    /^(\/(?!\/)|[A-Za-z]:[\\/](?![\\/])).*\.pmtiles$/i,
    'must be an absolute path to a .pmtiles file',
  );

/** The folder an administrator allows basemap files to be read from (absolute, local). */
export const basemapDirSchema = z
  .string()
  .trim()
  .max(4096)
  .regex(/^(\/(?!\/)|[A-Za-z]:[\\/](?![\\/]))/, 'must be an absolute local folder');

/**
 * Console settings, stored in the data directory. Each field is listed once here; the stored file,
 * the patch an operator sends and the defaults all derive from this shape, so a field added later
 * keeps older files valid (missing fields take their default).
 */
const settingsFields = {
  language: z.enum(['lv', 'en']),
  /** contrast: black, white and saturated states, for a dark control room at night. */
  theme: z.enum(['dark', 'light', 'contrast']),
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
  tileSubdomains: tileSubdomainsSchema,
  /** A WMS basemap: the service, its layer names (comma-separated), image format, attribution. */
  wmsUrl: wmsUrlSchema.nullable(),
  wmsLayers: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_:.,-]{0,200}$/, 'layer names, comma-separated'),
  wmsFormat: z.enum(['image/png', 'image/jpeg']),
  wmsAttribution: z.string().trim().max(200),
  /** The only folder basemap files are read from; null: no local basemap file. */
  basemapDir: basemapDirSchema.nullable(),
  /** A PMTiles basemap in basemapDir, drawn over the offline one; null: none. */
  pmtilesPath: pmtilesPathSchema.nullable(),
  /** Minutes without input after which the console locks (the same operator's password opens it). */
  idleLockMinutes: z.number().min(0.25).max(240),
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
  /** Pass/fail limits of a base station's status check at commissioning. */
  stationLimits: stationLimitsSchema,
  /** Where commissioned stations report to: the defaults of the wizard's configuration step. */
  stationConfig: stationConfigSchema,
};

export const settingsSchema = z.object(settingsFields).strict();
export type Settings = z.infer<typeof settingsSchema>;

/** What any signed-in operator may change: how the console looks and reads for them. */
export const ownSettingKeys = ['language', 'theme', 'trailHours'] as const;
/** The centre's settings, an administrator's to change (each change audited with old and new). */
export const centreSettingKeys = (Object.keys(settingsFields) as (keyof Settings)[]).filter(
  (key) => !(ownSettingKeys as readonly string[]).includes(key),
);

const pick = <K extends keyof typeof settingsFields>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, settingsFields[key]])) as Pick<
    typeof settingsFields,
    K
  >;

/** An operator's patch of their own settings: some of them, nothing else. */
export const settingsPatchSchema = z.object(pick(ownSettingKeys)).partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** An administrator's patch of the centre's settings. */
export const centreSettingsPatchSchema = z
  .object(pick(centreSettingKeys as Exclude<keyof Settings, (typeof ownSettingKeys)[number]>[]))
  .partial()
  .strict();
export type CentreSettingsPatch = z.infer<typeof centreSettingsPatchSchema>;

/** What the login screen needs before anyone signs in: nothing but how to draw it. */
export const displaySettingsSchema = z.object({
  language: settingsFields.language,
  theme: settingsFields.theme,
});
export type DisplaySettings = z.infer<typeof displaySettingsSchema>;

/** What a stored file may hold: unknown keys (from a newer console) are dropped, not fatal. */
export const storedSettingsSchema = z.object(settingsFields).partial();

export const defaultSettings: Settings = {
  language: 'en',
  theme: 'dark',
  retentionDays: 90,
  centralUrl: null,
  tileUrl: null,
  tileAttribution: '',
  tileSubdomains: ['a', 'b', 'c'],
  wmsUrl: null,
  wmsLayers: '',
  wmsFormat: 'image/png',
  wmsAttribution: '',
  basemapDir: null,
  pmtilesPath: null,
  idleLockMinutes: 10,
  trailHours: 2,
  alertSla: defaultAlertSla,
  alertGuidance: {},
  stationLimits: defaultStationLimits,
  stationConfig: defaultStationConfig,
};

export const languages = settingsFields.language.options;
export type Language = Settings['language'];
