import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useLive } from '../../api/use-live';

/**
 * The protection orders against a client, each as a distance band (far / warning / alert) with the
 * order's distances: never the distance itself or where the victim is. Follows the client's fixes
 * and the victim units' reports.
 */
export function ProtectionBands({ clientId, flagged }: { clientId: string; flagged: boolean }) {
  const { t } = useTranslation();
  const protection = useLive(
    () => api.victims.protection({ clientId }),
    [
      'victims.changed',
      { event: 'map.fixes', when: ({ fixes }) => fixes.some((fix) => fix[0] === clientId) },
    ],
    [clientId],
  );
  const value = protection.value;
  if (!value || (value.orders.length === 0 && (value.offered || !flagged))) return null;
  return (
    <section className="protection" data-testid="protection">
      <h3>{t('victims.title')}</h3>
      {!value.offered && <p className="muted">{t('victims.notOffered')}</p>}
      <ul>
        {value.orders.map((order) => (
          <li key={order.orderId} data-band={order.band} data-testid="protection-band">
            {order.active
              ? t('victims.order', {
                  id: order.orderId,
                  band: t(`victims.band.${order.band}`),
                  alert: order.alertDistanceM,
                  warn: order.warnDistanceM,
                })
              : t('victims.inactive', { id: order.orderId })}
          </li>
        ))}
      </ul>
    </section>
  );
}
