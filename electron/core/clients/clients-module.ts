import { ConsoleApiError } from '../../../shared/api/errors';
import type { Operator } from '../../../shared/central/records';
import type { ClientDetail, CommissioningView } from '../../../shared/domain/map';
import { operatorOf } from '../api/dispatcher';
import type { AuditTrail } from '../audit/audit-trail';
import type { StoreService } from '../db/store-service';
import type { RegisterRow } from '../../../shared/domain/clients';
import type { Clock } from '../runtime/clock';
import type { CoreModule } from '../module';

/** A technician (without a referent's or supervisor's role) sees the commissioning view only. */
function seesCommissioningOnly(operator: Operator): boolean {
  return !operator.roles.some((role) => role === 'referent' || role === 'supervisor');
}

/** What a technician's register shows: who and which devices, nothing of the case. */
function reducedRow(row: RegisterRow): RegisterRow {
  return {
    ...row,
    caseNumber: '',
    flags: [],
    phone: null,
    openTypes: [],
    supervisionType: null,
    riskLevel: null,
  };
}

function commissioningView({ client, devices }: ClientDetail): CommissioningView {
  return {
    view: 'commissioning',
    client: {
      id: client.id,
      displayName: client.displayName,
      installationAddress: client.home?.address ?? null,
      installationPosition: client.home ? { lat: client.home.lat, lon: client.home.lon } : null,
      deviceIds: client.deviceIds,
    },
    devices,
  };
}

/** A client's record for the panel and the file, reduced for technicians; every opening audited. */
export function clientsModule(
  store: StoreService,
  audit: AuditTrail,
  clock: Clock,
): CoreModule<'clients.detail' | 'clients.register' | 'clients.file'> {
  /** A client's record as this operator may see it, the opening audited. */
  const opened = async (clientId: string, operator: Operator, what: string) => {
    const nowMs = clock().getTime();
    const detail = await store.run((s) => s.clientDetail(clientId, nowMs));
    if (!detail)
      throw new ConsoleApiError('not_found', `No client ${clientId}`, 'clientId', {
        what: 'client',
      });
    const reduced = seesCommissioningOnly(operator);
    await audit.viewed(operator, what, clientId, reduced ? { view: 'commissioning' } : {});
    return { detail, reduced };
  };
  return {
    name: 'clients',
    handlers: {
      'clients.detail': async ({ clientId }, context) => {
        const { detail, reduced } = await opened(clientId, operatorOf(context), 'client');
        return reduced ? commissioningView(detail) : detail;
      },
      'clients.register': async (_input, context) => {
        const operator = operatorOf(context);
        const reduced = seesCommissioningOnly(operator);
        await audit.viewed(
          operator,
          'client-register',
          'all',
          reduced ? { view: 'commissioning' } : {},
        );
        const rows = await store.run((s) => s.clientRegister());
        return { rows: reduced ? rows.map(reducedRow) : rows, reduced };
      },
      'clients.file': async ({ clientId }, context) => {
        const { detail, reduced } = await opened(clientId, operatorOf(context), 'client-file');
        const reports = await store.run((s) => s.listReports({ clientId }));
        if (reduced)
          return { detail: commissioningView(detail), recentAlerts: [], journal: [], reports };
        const now = clock();
        const from = new Date(now.getTime() - 30 * 24 * 3600_000).toISOString();
        const [recentAlerts, journal] = await store.run((s) =>
          Promise.all([
            s.alertsForClient(clientId, from, new Date(now.getTime() + 60_000).toISOString()),
            s.journalForClient(clientId),
          ]),
        );
        return { detail, recentAlerts, journal, reports };
      },
    },
  };
}
