import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldForSearch } from '../../../../shared/format/search';
import { api } from '../../api';
import { useClock } from '../../api/use-clock';
import { useFormat } from '../../api/use-format';
import { useLive } from '../../api/use-live';
import { useVirtualRows } from '../../app/virtual-rows';

const ROW_HEIGHT = 36;

/** Every device in the cache for technicians: filterable, virtualised, with its reports. */
export function DevicesTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useClock(10_000);
  const devices = useLive(() => api.devices.list({}), ['stations.changed'], []);
  const [query, setQuery] = useState('');
  const rows = useMemo(() => {
    const wanted = foldForSearch(query.trim());
    const all = devices.value ?? [];
    if (!wanted) return all;
    return all.filter((d) =>
      foldForSearch(
        `${d.serial} ${d.id} ${d.clientName ?? ''} ${t(`devices.kinds.${d.kind}`)} ${d.state}`,
      ).includes(wanted),
    );
  }, [devices.value, query, t]);
  const { first, last, totalHeight, scroller } = useVirtualRows(rows.length, ROW_HEIGHT, -1);
  const lastContact = (at: string | null) => (at ? format.age(now - Date.parse(at)) : '—');
  return (
    <div className="devices-tab">
      <label>
        {t('devices.filter')}
        <input
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="devices-filter"
        />
      </label>
      <p className="muted" data-testid="devices-count">
        {t('devices.count', { shown: rows.length, total: devices.value?.length ?? 0 })}
      </p>
      <div className="device-row device-head" role="row">
        {(
          [
            'serial',
            'kind',
            'client',
            'battery',
            'lastSeen',
            'firmware',
            'state',
            'reports',
          ] as const
        ).map((key) => (
          <span key={key} role="columnheader">
            {t(`devices.${key}`)}
          </span>
        ))}
      </div>
      <div {...scroller} className="device-list" role="table" data-testid="device-list">
        <div style={{ height: totalHeight, position: 'relative' }}>
          {rows.slice(first, last).map((d, i) => (
            <div
              key={d.id}
              className="device-row"
              role="row"
              style={{ top: (first + i) * ROW_HEIGHT, height: ROW_HEIGHT }}
              data-testid="device-row"
            >
              <span>{d.serial}</span>
              <span>{t(`devices.kinds.${d.kind}`)}</span>
              <span>{d.clientName ?? '—'}</span>
              <span>{d.batteryPct === null ? '—' : `${d.batteryPct}%`}</span>
              <span title={d.heard ? `${d.heard.at}` : undefined}>
                {lastContact(
                  d.heard && (!d.lastSeenAt || d.heard.at > d.lastSeenAt)
                    ? d.heard.at
                    : d.lastSeenAt,
                )}
                {d.heard?.strap && d.heard.strap !== 'OK' ? ` · ${d.heard.strap}` : ''}
              </span>
              <span>{d.firmware ?? '—'}</span>
              <span>{d.state}</span>
              <span>{d.reports}</span>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
