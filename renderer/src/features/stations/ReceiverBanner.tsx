import { useTranslation } from 'react-i18next';
import { useStationState } from './use-stations';

/**
 * On a console with a receiver attached against a 1.0 service, every page says that the
 * receiver's alerts stay here: another console will not see them.
 */
export function ReceiverBanner() {
  const { t } = useTranslation();
  const state = useStationState().value;
  if (state?.link?.mode !== 'receiver' || state.alertsReach !== 'local') return null;
  return (
    <div className="banner warning" role="status" data-testid="receiver-banner">
      {t('stations.alertsLocal')}
    </div>
  );
}
