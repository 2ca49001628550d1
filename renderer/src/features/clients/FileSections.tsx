import { WeekPreview, ZoneForce } from '../zones/ZoneForce';
import { useTranslation } from 'react-i18next';
import type { Alert, Device, JournalEntry } from '../../../../shared/central/records';
import type { ClientDetail } from '../../../../shared/domain/map';
import { formatAge } from '../../../../shared/format/age';
import { placeInZone } from '../../../../shared/zones/geometry';
import { useFormat } from '../../api/use-format';
import { href } from '../../app/routes';
import { TimelineLinkTo } from '../timeline/TimelineLinkTo';

/** Who the client is, the case, and whom to call (a tel: link, and a copy button for softphones). */
export function ClientProfile({ detail }: { detail: ClientDetail }) {
  const { t } = useTranslation();
  const { client } = detail;
  const phone = (number: string | null) =>
    number ? (
      <>
        <a href={`tel:${number.replace(/[^+\d]/g, '')}`}>{number}</a>{' '}
        <button type="button" onClick={() => void navigator.clipboard?.writeText(number)}>
          {t('file.copy')}
        </button>
      </>
    ) : (
      '—'
    );
  return (
    <dl className="file-profile" data-testid="file-profile">
      <dt>{t('map.case')}</dt>
      <dd>{client.caseNumber}</dd>
      <dt>{t('register.columns.supervisionType')}</dt>
      <dd>
        {t(`supervision.${client.supervisionType}`, { defaultValue: client.supervisionType })}
      </dd>
      <dt>{t('register.columns.riskLevel')}</dt>
      <dd>{t(`risk.${client.riskLevel}`)}</dd>
      <dt>{t('register.flags')}</dt>
      <dd>{client.flags.map((f) => t(`flag.${f}`, { defaultValue: f })).join(', ') || '—'}</dd>
      <dt>{t('register.columns.territorialUnit')}</dt>
      <dd>{client.territorialUnit}</dd>
      <dt>{t('file.home')}</dt>
      <dd>{client.home?.address ?? '—'}</dd>
      <dt>{t('file.phone')}</dt>
      <dd>{phone(client.phone)}</dd>
      <dt>{t('file.caseManager')}</dt>
      <dd>
        {client.caseManager ? (
          <>
            {client.caseManager.name} {phone(client.caseManager.phone)}
          </>
        ) : (
          '—'
        )}
      </dd>
      <dt>{t('file.period')}</dt>
      <dd className="muted">{t('file.noPeriod')}</dd>
    </dl>
  );
}

/** Each zone, whether it is in force now, and whether the last fix is inside. */
export function ClientZones({ detail, now }: { detail: ClientDetail; now: number }) {
  const { t } = useTranslation();
  const fix = detail.lastFix;
  return (
    <section>
      <h2>{t('map.zones')}</h2>
      <ul data-testid="file-zones">
        {detail.zones.map((zone) => (
          <li key={zone.id} data-testid="file-zone">
            <strong>{zone.name}</strong> · {t(`file.zoneKind.${zone.kind}`)} ·{' '}
            <ZoneForce zone={zone} now={now} />
            {fix && ` · ${t(`file.place.${placeInZone(zone, fix)}`)}`}
            <WeekPreview schedule={zone.schedule} now={now} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ClientDevices({ devices, now }: { devices: readonly Device[]; now: number }) {
  const { t } = useTranslation();
  return (
    <section>
      <h2>{t('map.devices')}</h2>
      <ul data-testid="file-devices">
        {devices.map((d) => (
          <li key={d.id}>
            {d.serial} · {t(`devices.kinds.${d.kind}`)} ·{' '}
            {d.batteryPct === null ? '—' : `${d.batteryPct}%`} · {d.firmware ?? '—'} ·{' '}
            {d.lastSeenAt ? formatAge(now - Date.parse(d.lastSeenAt)) : '—'} · {d.state}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Open alerts first, then the last 30 days' with their outcomes. */
export function ClientAlerts({
  open,
  recent,
}: {
  open: readonly Alert[];
  recent: readonly Alert[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const openIds = new Set(open.map((a) => a.id));
  const rest = recent.filter((a) => !openIds.has(a.id));
  const line = (a: Alert) => (
    <li key={a.id} data-testid="file-alert" data-alert={a.id}>
      <a href={href({ route: 'alerts', alert: a.id })}>{t(`alertType.${a.type}`)}</a> ·{' '}
      {format.dateTime(a.raisedAt)} ·{' '}
      {a.resolution ? a.resolution.code : t(`alertState.${a.state}`, { defaultValue: a.state })}{' '}
      <TimelineLinkTo client={a.clientId} alert={a.id} at={a.raisedAt} />
    </li>
  );
  return (
    <section>
      <h2>{t('file.alerts')}</h2>
      <ul>{[...open, ...rest].map(line)}</ul>
    </section>
  );
}

export function ClientJournal({ entries }: { entries: readonly JournalEntry[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section>
      <h2>{t('shifts.journal')}</h2>
      <ul data-testid="file-journal">
        {entries.map((e) => (
          <li key={e.id}>
            {format.dateTime(e.at)} · {t(`shifts.category.${e.category}`)} · {e.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
