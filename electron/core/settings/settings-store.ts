import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConsoleApiError } from '../../../shared/api/errors';
import {
  defaultSettings,
  storedSettingsSchema,
  type Settings,
} from '../../../shared/domain/settings';
import { errorMessage } from '../api/dispatcher';

export const SETTINGS_FILE = 'settings.json';

export interface SettingsStore {
  get(): Settings;
  /** Applies a validated patch and persists it; on a write failure nothing changes. */
  set(patch: Partial<Settings>): Settings;
  /** What went wrong while loading, for the operator to see. Empty when all was well. */
  readonly warnings: readonly string[];
}

/**
 * Settings live in one JSON file in the data directory. A file that cannot be parsed is moved
 * aside (never deleted: an administrator may want it back) and defaults are used, with a warning
 * the shell shows. A console must start even when its settings are damaged.
 */
export function openSettingsStore(dataDir: string, now: () => Date): SettingsStore {
  const file = join(dataDir, SETTINGS_FILE);
  const warnings: string[] = [];
  let current = load(file, now, warnings);

  return {
    get: () => current,
    set(patch) {
      const next = { ...current, ...patch };
      try {
        writeAtomically(file, `${JSON.stringify(next, null, 2)}\n`);
      } catch (error) {
        throw new ConsoleApiError('unavailable', `Settings not saved: ${errorMessage(error)}`);
      }
      current = next;
      return current;
    },
    warnings,
  };
}

function load(file: string, now: () => Date, warnings: string[]): Settings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...defaultSettings };
    warnings.push(
      `Settings file ${file} could not be read (${errorMessage(error)}); defaults in use.`,
    );
    return { ...defaultSettings };
  }
  const problem = parseProblem(text);
  if (problem === null) {
    return { ...defaultSettings, ...storedSettingsSchema.parse(JSON.parse(text)) };
  }
  const aside = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(file, aside);
    warnings.push(`Settings file was damaged (${problem}); moved to ${aside}; defaults in use.`);
  } catch (error) {
    warnings.push(
      `Settings file was damaged (${problem}) and could not be moved aside (${errorMessage(error)}); defaults in use.`,
    );
  }
  return { ...defaultSettings };
}

function parseProblem(text: string): string | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `not JSON: ${errorMessage(error)}`;
  }
  const result = storedSettingsSchema.safeParse(json);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`;
}

/** Write-then-rename, so a crash mid-write leaves the old file rather than half a new one. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, text, { encoding: 'utf8', mode: 0o600 });
  renameSync(temporary, file);
}
