import { alertSchema, type Alert } from '../../../shared/central/records';
import { pageOf } from '../../../shared/central/stream';
import type { CentralHttp } from './central-http';

const alertPage = pageOf(alertSchema);

/**
 * One alert as the service has it now. The API has no single-alert endpoint, so this asks the
 * history endpoint for the client's alerts raised at that very millisecond. Null if not found.
 */
export async function fetchAlert(
  http: CentralHttp,
  alert: { id: string; clientId: string; raisedAt: string },
): Promise<Alert | null> {
  const to = new Date(Date.parse(alert.raisedAt) + 1).toISOString();
  const query = `clientId=${encodeURIComponent(alert.clientId)}&from=${alert.raisedAt}&to=${to}`;
  const page = await http.request('GET', `/alerts?${query}`, alertPage);
  return page.items.find((item) => item.id === alert.id) ?? null;
}
