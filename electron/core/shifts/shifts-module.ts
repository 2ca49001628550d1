import { ConsoleApiError } from '../../../shared/api/errors';
import type { Operator, Shift } from '../../../shared/central/records';
import type { Settings } from '../../../shared/domain/settings';
import type { OperatorActions } from '../actions/operator-actions';
import type { Mute } from '../alerts/mute';
import { operatorOf } from '../api/dispatcher';
import type { AuditTrail } from '../audit/audit-trail';
import type { StoreService } from '../db/store-service';
import type { CoreModule } from '../module';
import { shiftReportCsv, shiftReportPdf } from '../reports/shift-report-pdf';
import type { Clock } from '../runtime/clock';
import { draftHandover, LOOK_BACK_MS } from './handover-draft';
import { shiftReport } from './shift-report';
import { shiftView } from './shift-view';

export interface ShiftsModuleOptions {
  store: StoreService;
  actions: OperatorActions;
  audit: AuditTrail;
  mute: Mute;
  settings: () => Settings;
  clock: Clock;
}

type ShiftOps =
  | 'shifts.current'
  | 'shifts.start'
  | 'shifts.list'
  | 'shifts.journal'
  | 'shifts.draft'
  | 'shifts.handover'
  | 'shifts.accept'
  | 'shifts.report'
  | 'shifts.reportPdf'
  | 'shifts.reportCsv'
  | 'journal.add'
  | 'journal.search';

const notFound = (shiftId: string) =>
  new ConsoleApiError('not_found', `No shift ${shiftId}`, 'shiftId', { what: 'shift' });

/**
 * The shift and its journal: starting one, entries (immutable; a mistake is corrected by a new
 * entry pointing at it), the drafted handover signed by the outgoing and accepted by another
 * referent, history, search and the supervisors' report. Everything sent goes through the outbox.
 */
export function shiftsModule(o: ShiftsModuleOptions): CoreModule<ShiftOps> {
  const { store, actions, audit } = o;
  const shiftById = async (shiftId: string): Promise<Shift> => {
    const shift = (await store.run((s) => s.recordById('shifts', shiftId))) as Shift | null;
    if (!shift) throw notFound(shiftId);
    return shift;
  };
  const names = async () =>
    new Map((await store.run((s) => s.operators())).map((op) => [op.id, op.name]));
  const report = async (shiftId: string) => {
    const shift = await shiftById(shiftId);
    const to = shift.endedAt ?? o.clock().toISOString();
    const lookBack = new Date(Date.parse(shift.startedAt) - LOOK_BACK_MS).toISOString();
    const window = await store.run((s) => s.alertsOfWindow(shift.startedAt, to, lookBack));
    const alerts = window.filter((a) => a.raisedAt >= shift.startedAt && a.raisedAt < to);
    const [actionsOf, journal, clients] = await store.run((s) =>
      Promise.all([
        s.actionsOfAlerts(alerts.map((a) => a.id)),
        s.journalForShift(shift.id),
        s.clientNames([...new Set(alerts.map((a) => a.clientId))]),
      ]),
    );
    return shiftReport({
      shift,
      alerts,
      actions: actionsOf,
      journal,
      sla: o.settings().alertSla,
      names: { clients, operators: await names() },
      now: o.clock(),
    });
  };
  const reviewed = (operator: Operator, shiftId: string, format: string) =>
    audit.record(operator, 'shift.report', { type: 'shift', id: shiftId }, { format });

  return {
    name: 'shifts',
    handlers: {
      'shifts.current': async (_input, context) => {
        const view = await shiftView(store);
        if (view.shift) await audit.viewed(operatorOf(context), 'shift-journal', view.shift.id);
        return view;
      },
      'shifts.start': async ({ operatorIds }, context) => {
        const open = await store.run((s) => s.openShift());
        if (open) {
          const known = await names();
          throw new ConsoleApiError('conflict', `Shift ${open.id} is open`, undefined, {
            what: 'shift_open',
            startedAt: open.startedAt,
            names: open.operatorIds.map((id) => known.get(id) ?? id).join(', '),
          });
        }
        await actions.queue(operatorOf(context), 'shift.start', { operatorIds });
        return shiftView(store);
      },
      'shifts.list': ({ from, to }) => {
        const now = o.clock().getTime();
        return store.run((s) =>
          s.shiftsBetween(
            from ?? new Date(now - 31 * 24 * 3600_000).toISOString(),
            to ?? new Date(now + 60_000).toISOString(),
          ),
        );
      },
      'shifts.journal': async ({ shiftId }, context) => {
        await audit.viewed(operatorOf(context), 'shift-journal', shiftId);
        return store.run((s) => s.journalForShift(shiftId));
      },
      'shifts.draft': async ({ shiftId }, context) => {
        const draft = await draftHandover(store, {
          shift: await shiftById(shiftId),
          now: o.clock(),
          sla: o.settings().alertSla,
          mutedUntil: o.mute.get().mutedUntil,
        });
        await audit.viewed(operatorOf(context), 'handover-draft', shiftId);
        return draft;
      },
      'shifts.handover': async ({ shiftId, ...body }, context) => {
        const operator = operatorOf(context);
        const shift = await shiftById(shiftId);
        if (shift.handover || shift.endedAt)
          throw new ConsoleApiError(
            'conflict',
            'This shift has already been handed over',
            undefined,
            {
              what: 'handed_over',
            },
          );
        if (!shift.operatorIds.includes(operator.id))
          throw new ConsoleApiError(
            'forbidden',
            'Only an operator of the outgoing shift signs',
            undefined,
            {
              what: 'not_on_shift',
            },
          );
        await actions.queue(operator, 'shift.handover', { shiftId, ...body });
        return shiftView(store);
      },
      'shifts.accept': async ({ shiftId, expectedVersion }, context) => {
        const operator = operatorOf(context);
        const shift = await shiftById(shiftId);
        if (!shift.handover || shift.endedAt)
          throw new ConsoleApiError(
            'conflict',
            'There is no signed handover to accept',
            undefined,
            {
              what: 'no_handover',
            },
          );
        if (shift.handover.outgoingSignedBy === operator.id)
          throw new ConsoleApiError('conflict', 'The outgoing referent cannot accept', undefined, {
            what: 'same_operator',
          });
        await actions.queue(operator, 'shift.accept', { shiftId, expectedVersion });
        return shiftView(store);
      },
      'shifts.report': async ({ shiftId }, context) => {
        await reviewed(operatorOf(context), shiftId, 'screen');
        return report(shiftId);
      },
      'shifts.reportPdf': async ({ shiftId }, context) => {
        const document = await shiftReportPdf(
          await report(shiftId),
          o.settings().language,
          await names(),
        );
        await audit.record(
          operatorOf(context),
          'shift.export',
          { type: 'shift', id: shiftId },
          {
            format: 'pdf',
            sha256: document.sha256,
          },
        );
        return document;
      },
      'shifts.reportCsv': async ({ shiftId }, context) => {
        const built = await report(shiftId);
        await reviewed(operatorOf(context), shiftId, 'csv');
        return { csv: shiftReportCsv(built), rows: built.alerts.length };
      },
      'journal.add': async ({ correctsEntryId, ...entry }, context) => {
        const operator = operatorOf(context);
        const shift = await store.run((s) => s.openShift());
        if (!shift)
          throw new ConsoleApiError('conflict', 'No shift is open', undefined, {
            what: 'no_shift',
          });
        if (correctsEntryId !== null) {
          const [corrected] = await store
            .run((s) => s.journalForShift(shift.id))
            .then((all) => all.filter((e) => e.id === correctsEntryId));
          if (!corrected)
            throw new ConsoleApiError(
              'not_found',
              `No entry ${correctsEntryId} in this shift`,
              'correctsEntryId',
              {
                what: 'entry',
              },
            );
        }
        await actions.queue(operator, 'journal.add', {
          ...entry,
          shiftId: shift.id,
          correctsEntryId,
        });
        return shiftView(store);
      },
      'journal.search': async (filter, context) => {
        await audit.record(operatorOf(context), 'journal.search', null, { ...filter });
        return store.run((s) => s.searchJournal(filter));
      },
    },
  };
}
