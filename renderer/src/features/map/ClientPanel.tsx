import { useTranslation } from 'react-i18next';
import { href } from '../../app/routes';
import type { ClientDetail } from '../../../../shared/domain/map';
import type { Zone } from '../../../../shared/central/records';
import { formatAge } from '../../../../shared/format/age';
import { ProtectionBands } from '../victims/ProtectionBands';
import { ZoneForce } from '../zones/ZoneForce';
import { placeInZone } from '../../../../shared/zones/geometry';

/** The selected client: profile, devices, last fix, open alerts and zones. */
export function ClientPanel({
  detail,
  now,
  following,
  onFollow,
  onClose,
  onEditZone,
}: {
  detail: ClientDetail;
  now: number;
  following: boolean;
  onFollow(follow: boolean): void;
  onClose(): void;
  /** Opens the zone editor (a new zone for null); absent for those who may not change zones. */
  onEditZone?: (zone: Zone | null) => void;
}) {
  const { t } = useTranslation();
  const { client, devices, lastFix, openAlerts, zones, approaches } = detail;
  return (
    <aside className="client-panel" data-testid="client-panel" aria-label={client.displayName}>
      <header>
        <h2 data-testid="client-name">{client.displayName}</h2>
        <a href={href({ route: 'clients', client: client.id })} data-testid="client-file-link">
          {t('file.open')}
        </a>{' '}
        <a href={href({ route: 'shifts', client: client.id })} data-testid="client-journal-link">
          {t('shifts.fromAlert')}
        </a>
        <button type="button" onClick={onClose} aria-label={t('map.close')}>
          ×
        </button>
      </header>
      <dl>
        <dt>{t('map.case')}</dt>
        <dd>{client.caseNumber}</dd>
        <dt>{t('map.risk')}</dt>
        <dd data-testid="client-risk">{t(`risk.${client.riskLevel}`)}</dd>
        <dt>{t('map.supervision')}</dt>
        <dd>{t(`supervision.${client.supervisionType}`)}</dd>
        <dt>{t('map.flags')}</dt>
        <dd data-testid="client-flags">
          {client.flags.length > 0
            ? // A flag the service adds later shows as its code until the catalogs know it.
              client.flags.map((flag) => t(`flag.${flag}`, { defaultValue: flag })).join(', ')
            : '—'}
        </dd>
        <dt>{t('map.unit')}</dt>
        <dd>{client.territorialUnit}</dd>
        <dt>{t('map.caseManager')}</dt>
        <dd>
          {client.caseManager ? (
            <>
              {client.caseManager.name}{' '}
              <a href={`tel:${client.caseManager.phone}`}>{client.caseManager.phone}</a>
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('map.lastFix')}</dt>
        <dd data-testid="client-last-fix">
          {lastFix
            ? t('map.fix', {
                age: formatAge(now - Date.parse(lastFix.at)),
                accuracy: Math.round(lastFix.accuracyM),
                lat: lastFix.lat.toFixed(5),
                lon: lastFix.lon.toFixed(5),
              })
            : t('map.noFix')}
        </dd>
      </dl>
      {approaches.map((approach) => (
        <p key={approach.zoneId} className="approach" role="alert" data-testid="client-approach">
          {t('map.approach', {
            zone: approach.zoneName,
            minutes: Math.max(1, Math.round(approach.etaS / 60)),
            speed: approach.speedKmh,
          })}
        </p>
      ))}
      <h3>{t('map.devices')}</h3>
      <ul data-testid="client-devices">
        {devices.map((device) => (
          <li key={device.id}>
            {t(`device.${device.kind}`)} {device.serial} ·{' '}
            {device.batteryPct === null ? '—' : `${device.batteryPct}%`} ·{' '}
            {device.lastSeenAt
              ? t('map.seen', { age: formatAge(now - Date.parse(device.lastSeenAt)) })
              : '—'}
          </li>
        ))}
      </ul>
      <h3>{t('map.openAlerts', { count: openAlerts.length })}</h3>
      <ul data-testid="client-alerts">
        {openAlerts.map((alert) => (
          <li key={alert.id} data-severity={alert.severity}>
            {t(`alertType.${alert.type}`)} · {t(`alerts.severity.${alert.severity}`)}
            {alert.clearedAt ? ` · ${t('map.cleared')}` : ''}
          </li>
        ))}
      </ul>
      <ProtectionBands clientId={client.id} flagged={client.flags.includes('victim_protection')} />
      <h3>{t('map.zones')}</h3>
      <ul data-testid="client-zones">
        {zones.map((zone) => (
          <li key={zone.id}>
            {zone.name} · {t(`zoneKind.${zone.kind}`)} · <ZoneForce zone={zone} now={now} />
            {lastFix && ` · ${t(`file.place.${placeInZone(zone, lastFix)}`)}`}
            {onEditZone && (
              <>
                {' '}
                <button type="button" onClick={() => onEditZone(zone)} data-testid="zone-edit">
                  {t('zones.edit')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {onEditZone && (
        <button type="button" onClick={() => onEditZone(null)} data-testid="zone-add">
          {t('zones.add')}
        </button>
      )}
      <label className="follow">
        <input
          type="checkbox"
          checked={following}
          onChange={(event) => onFollow(event.target.checked)}
          data-testid="follow"
        />
        {t('map.follow')}
      </label>
    </aside>
  );
}
