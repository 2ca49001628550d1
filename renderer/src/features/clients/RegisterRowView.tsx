import { useTranslation } from 'react-i18next';
import { formatAge } from '../../../../shared/format/age';
import { goTo } from '../../app/routes';
import type { RegisterLine } from './register-view';

export const ROW_HEIGHT = 44;

/** One client in the register; a click opens their file. */
export function RegisterRowView({
  line,
  index,
  selected,
  now,
  onSelect,
}: {
  line: RegisterLine;
  index: number;
  selected: boolean;
  now: number;
  onSelect: (index: number) => void;
}) {
  const { t } = useTranslation();
  const { row, state } = line;
  return (
    <div
      className={`register-row state-${state}`}
      role="option"
      aria-selected={selected}
      style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
      onClick={() => {
        onSelect(index);
        goTo({ route: 'clients', client: row.id });
      }}
      data-testid="register-row"
      data-client={row.id}
    >
      <span>
        <strong>{row.name}</strong>
        {row.flags.length > 0 && (
          <small className="muted">
            {' '}
            {row.flags.map((f) => t(`flag.${f}`, { defaultValue: f })).join(', ')}
          </small>
        )}
      </span>
      <span>{row.caseNumber}</span>
      <span>
        {row.supervisionType
          ? t(`supervision.${row.supervisionType}`, { defaultValue: row.supervisionType })
          : ''}
      </span>
      <span>{row.riskLevel ? t(`risk.${row.riskLevel}`) : ''}</span>
      <span>{row.territorialUnit}</span>
      <span className="client-state">
        {state === 'no_fix' && row.lastFixAt
          ? t('register.noFixFor', { age: formatAge(now - Date.parse(row.lastFixAt)) })
          : t(`register.states.${state}`)}
      </span>
      <span>{row.openTypes.length || ''}</span>
      <span>{row.lastContactAt ? formatAge(now - Date.parse(row.lastContactAt)) : '—'}</span>
      <span>{row.batteryPct === null ? '—' : `${row.batteryPct}%`}</span>
    </div>
  );
}
