import { ConsoleApiError } from '../../../shared/api/errors';
import type { Operator } from '../../../shared/central/records';
import type { ClientDetail, CommissioningView } from '../../../shared/domain/map';
import { operatorOf } from '../api/dispatcher';
import type { AuditTrail } from '../audit/audit-trail';
import type { StoreService } from '../db/store-service';
import type { CoreModule } from '../module';

/** A technician (without a referent's or supervisor's role) sees the commissioning view only. */
function seesCommissioningOnly(operator: Operator): boolean {
  return !operator.roles.some((role) => role === 'referent' || role === 'supervisor');
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
): CoreModule<'clients.detail'> {
  return {
    name: 'clients',
    handlers: {
      'clients.detail': async ({ clientId }, context) => {
        const operator = operatorOf(context);
        const detail = await store.run((s) => s.clientDetail(clientId));
        if (!detail)
          throw new ConsoleApiError('not_found', `No client ${clientId}`, 'clientId', {
            what: 'client',
          });
        const reduced = seesCommissioningOnly(operator);
        await audit.viewed(operator, 'client', clientId, reduced ? { view: 'commissioning' } : {});
        return reduced ? commissioningView(detail) : detail;
      },
    },
  };
}
