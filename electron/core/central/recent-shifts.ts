import { journalEntrySchema, shiftSchema } from '../../../shared/central/records';
import { pageOf } from '../../../shared/central/stream';
import type { CacheRecord } from '../db/apply-events';
import { allPages } from './all-pages';
import type { CentralHttp } from './central-http';

/** How far back a snapshot's console looks for shifts (the handover of a long shift included). */
const SHIFTS_BACK_MS = 8 * 24 * 3600_000;

const shiftPage = pageOf(shiftSchema);
const journalPage = pageOf(journalEntrySchema);

/**
 * The snapshot holds no shifts: a console starting afresh (or told to reset) asks for the recent
 * ones and the open shift's journal, so the shift in progress and its handover are on screen.
 */
export async function recentShifts(http: CentralHttp, nowMs: number): Promise<CacheRecord[]> {
  const from = new Date(nowMs - SHIFTS_BACK_MS).toISOString();
  const shifts = await allPages(`/shifts?from=${from}&limit=500`, (path) =>
    http.request('GET', path, shiftPage),
  );
  const records: CacheRecord[] = shifts.map((shift) => ({ type: 'shift', data: shift }));
  for (const shift of shifts.filter((s) => s.endedAt === null)) {
    const entries = await allPages(
      `/journal?shiftId=${encodeURIComponent(shift.id)}&limit=5000`,
      (path) => http.request('GET', path, journalPage),
    );
    records.push(...entries.map((entry): CacheRecord => ({ type: 'journal.entry', data: entry })));
  }
  return records;
}
