import { useState } from 'react';
import { useFormat } from '../../../api/use-format';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { useAttention } from './AttentionProvider';

const CHOICES = [5, 15, 30, 60] as const;

/** The header's mute: always for a set time (recorded by the core), and undone at any moment. */
export function MuteControl() {
  const { t } = useTranslation();
  const format = useFormat();
  const { mute } = useAttention();
  const [minutes, setMinutes] = useState<number>(15);
  if (mute.mutedUntil)
    return (
      <span className="mute-control muted-now" data-testid="mute" data-muted="true">
        {t('attention.mutedUntil', {
          time: format.time(mute.mutedUntil, false),
          who: mute.mutedBy ?? '',
        })}
        <button type="button" onClick={() => void api.attention.unmute({})}>
          {t('attention.unmute')}
        </button>
      </span>
    );
  return (
    <span className="mute-control" data-testid="mute" data-muted="false">
      <select
        aria-label={t('attention.muteFor')}
        value={minutes}
        onChange={(event) => setMinutes(Number(event.target.value))}
      >
        {CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {t('attention.minutes', { count: choice })}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void api.attention.mute({ minutes })}>
        {t('attention.mute')}
      </button>
    </span>
  );
}
