import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommissioningReport } from '../../../../shared/domain/commissioning';
import type { StationView } from '../../../../shared/domain/stations';
import { api } from '../../api';
import { useClock } from '../../api/use-clock';
import { RssiChart } from './RssiChart';
import type { Commissioning } from './use-commissioning';

/** The RF range test: a live signal chart per tag while the technician walks, then the measured step. */
export function RangeTest({
  report,
  link,
  wizard,
}: {
  report: CommissioningReport;
  link: StationView;
  wizard: Commissioning;
}) {
  const { t } = useTranslation();
  const now = useClock(500);
  const [level, setLevel] = useState(report.range?.level ?? 3);
  const live = link.rfTest.running;
  return (
    <div className="step-form">
      <label>
        {t('commission.level')} <span className="muted">{t('commission.levelHint')}</span>
        <select
          value={level}
          onChange={(e) => setLevel(Number(e.target.value))}
          data-testid="range-level"
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={() =>
          void api.stations.rfTest(live ? { action: 'stop' } : { action: 'start', level })
        }
      >
        {t(live ? 'commission.stopTest' : 'commission.startTest')}
      </button>
      <button
        type="button"
        disabled={wizard.running !== null || live}
        onClick={() => void wizard.step({ step: 'range', level })}
        data-testid="run-range"
      >
        {t(report.steps.range.done ? 'commission.again' : 'commission.run')}
      </button>
      {link.rfTest.samples.length > 0 && <RssiChart samples={link.rfTest.samples} now={now} />}
      {report.range && (
        <ul>
          {report.range.tags.map((tag) => (
            <li key={tag.tagId}>
              {tag.tagId}:{' '}
              {t('report.rssi', {
                samples: tag.samples,
                min: tag.minRssiDbm,
                max: tag.maxRssiDbm,
                mean: tag.meanRssiDbm,
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
