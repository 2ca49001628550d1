import { useTranslation } from 'react-i18next';
import { useFormat } from '../../api/use-format';
import { HandoverPanel } from './HandoverPanel';
import { JournalPanel } from './JournalPanel';
import { StartShift } from './StartShift';
import { useShift } from './use-shift';

/** The shift open now: who is on duty, its handover and its journal; or starting one. */
export function CurrentShift() {
  const { t } = useTranslation();
  const format = useFormat();
  const view = useShift().value;
  if (!view) return null;
  const { shift } = view;
  if (!shift) return <StartShift view={view} />;
  const names = new Map(view.operators.map((o) => [o.id, o.name]));
  return (
    <div className="current-shift" data-testid="current-shift" data-shift={shift.id}>
      <p data-testid="shift-started">
        {t('shifts.started', {
          time: format.dateTime(shift.startedAt),
          names: shift.operatorIds.map((id) => names.get(id) ?? id).join(', '),
        })}
      </p>
      <HandoverPanel view={view} shift={shift} />
      <JournalPanel view={view} />
    </div>
  );
}
