import type { JournalEntry } from '../../../shared/central/records';
import type { JournalItem, ShiftView } from '../../../shared/domain/shifts';
import type { OutboxItem } from '../db/queries/outbox';
import type { StoreService } from '../db/store-service';

/** This console's journal entries still in the outbox, as the list shows them (marked waiting). */
export function waitingEntries(pending: readonly OutboxItem[], shiftId: string): JournalItem[] {
  return pending
    .filter((item) => item.operation === 'journal.add')
    .map((item) => ({
      item,
      entry: item.payload as Omit<JournalEntry, 'id' | 'operatorId' | 'at'>,
    }))
    .filter(({ entry }) => entry.shiftId === shiftId)
    .map(({ item, entry }) => ({
      ...entry,
      id: `waiting-${item.id}`,
      operatorId: '',
      at: item.createdAt,
      waiting: true,
    }));
}

/** The shift open now, its journal (delivered and waiting), and this console's shift actions in flight. */
export async function shiftView(store: StoreService): Promise<ShiftView> {
  const [shift, pending, operators] = await store.run((s) =>
    Promise.all([s.openShift(), s.listOutbox(['pending'], 1000), s.operators()]),
  );
  const journal = shift
    ? [
        ...(await store.run((s) => s.journalForShift(shift.id))).map((entry) => ({
          ...entry,
          waiting: false,
        })),
        ...waitingEntries(pending, shift.id),
      ]
    : [];
  const waiting = (operation: string) => pending.some((item) => item.operation === operation);
  return {
    shift,
    journal,
    waiting: {
      start: waiting('shift.start'),
      handover: waiting('shift.handover'),
      accept: waiting('shift.accept'),
    },
    operators: operators.map(({ id, name }) => ({ id, name })),
  };
}
