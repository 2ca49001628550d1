import { useTranslation } from 'react-i18next';
import { useFormat } from '../../api/use-format';
import { SPEEDS } from './use-replay';

interface Props {
  fromMs: number;
  toMs: number;
  cursor: number;
  playing: boolean;
  speed: number;
  onPlaying(playing: boolean): void;
  onSpeed(speed: number): void;
  onCursor(at: number): void;
  onNextEvent(): void;
}

/** Play or pause, the speed (1x–600x), a step to the next event, and the time slider. */
export function ReplayControls(p: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="replay-controls">
      <button type="button" onClick={() => p.onPlaying(!p.playing)}>
        {p.playing ? t('timeline.pause') : t('timeline.play')}
      </button>
      <label>
        {t('timeline.speed')}{' '}
        <select value={p.speed} onChange={(e) => p.onSpeed(Number(e.target.value))}>
          {SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed}x
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={p.onNextEvent}>
        {t('timeline.nextEvent')}
      </button>
      <input
        type="range"
        className="replay-slider"
        aria-label={t('timeline.cursor')}
        min={p.fromMs}
        max={p.toMs}
        step={1000}
        value={p.cursor}
        onChange={(e) => p.onCursor(Number(e.target.value))}
      />
      <time data-testid="replay-cursor" dateTime={new Date(p.cursor).toISOString()}>
        {format.dateTime(p.cursor)}
      </time>
    </div>
  );
}
