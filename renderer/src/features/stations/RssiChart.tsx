import { useTranslation } from 'react-i18next';
import type { RssiSample } from '../../../../shared/domain/stations';

const WIDTH = 520;
const HEIGHT = 160;
const TOP_DBM = -30;
const BOTTOM_DBM = -110;
/** The last minute of the test. */
const WINDOW_MS = 60_000;
const COLOURS = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)'];

/**
 * Each tag's signal as the station hears it during the range test, one line per tag over the last
 * minute: the technician walks the tag to the far room and watches it hold or drop.
 */
export function RssiChart({ samples, now }: { samples: readonly RssiSample[]; now: number }) {
  const { t } = useTranslation();
  const tags = [...new Set(samples.map((s) => s.tagId))].sort();
  const x = (at: string) => WIDTH - ((now - Date.parse(at)) / WINDOW_MS) * WIDTH;
  const y = (dbm: number) =>
    ((TOP_DBM - Math.min(TOP_DBM, Math.max(BOTTOM_DBM, dbm))) / (TOP_DBM - BOTTOM_DBM)) * HEIGHT;
  return (
    <figure className="rssi-chart" data-testid="rssi-chart" data-samples={samples.length}>
      <figcaption>{t('commission.liveRssi')}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('commission.liveRssi')}>
        {[-50, -70, -90].map((dbm) => (
          <g key={dbm} className="rssi-grid">
            <line x1={0} x2={WIDTH} y1={y(dbm)} y2={y(dbm)} />
            <text x={4} y={y(dbm) - 2}>
              {dbm}
            </text>
          </g>
        ))}
        {tags.map((tag, i) => {
          const points = samples
            .filter((s) => s.tagId === tag && now - Date.parse(s.at) <= WINDOW_MS)
            .map((s) => `${x(s.at).toFixed(1)},${y(s.rssiDbm).toFixed(1)}`);
          return (
            <polyline
              key={tag}
              points={points.join(' ')}
              fill="none"
              stroke={COLOURS[i % COLOURS.length]}
              strokeWidth={2}
            />
          );
        })}
      </svg>
      <ul className="rssi-legend">
        {tags.map((tag, i) => {
          const last = samples.filter((s) => s.tagId === tag).at(-1);
          return (
            <li key={tag} style={{ color: COLOURS[i % COLOURS.length] }}>
              {tag}: {last?.rssiDbm} dBm
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
