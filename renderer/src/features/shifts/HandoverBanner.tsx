import { useTranslation } from 'react-i18next';
import { href } from '../../app/routes';
import { useShift } from './use-shift';

/** A signed handover waiting for the incoming referent stays on every page until accepted. */
export function HandoverBanner() {
  const { t } = useTranslation();
  const view = useShift().value;
  const handover = view?.shift?.handover;
  if (!handover || handover.incomingSignedBy) return null;
  return (
    <div className="banner warning" role="status" data-testid="handover-banner">
      <a href={href({ route: 'shifts' })}>
        {t('shifts.banner', {
          name:
            view.operators.find((o) => o.id === handover.outgoingSignedBy)?.name ??
            handover.outgoingSignedBy,
        })}
      </a>
    </div>
  );
}
