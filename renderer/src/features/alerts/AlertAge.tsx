import { useClock } from '../../api/use-clock';
import { formatAge } from '../../../../shared/format/age';

/** How long ago the alert was raised, ticking each second on its own (the page does not re-render). */
export function AlertAge({ raisedAt }: { raisedAt: string }) {
  const now = useClock(1000);
  return <>{formatAge(now - Date.parse(raisedAt))}</>;
}
