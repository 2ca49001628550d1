import { useTranslation } from 'react-i18next';
import type { ZoneEditorState } from './use-zone-editor';

/** Waiting, done, or refused with the zone as the service now has it and a way to start from it. */
export function SaveOutcome({ editor }: { editor: ZoneEditorState }) {
  const { t } = useTranslation();
  const state = editor.saveState;
  if (state.kind === 'idle') return null;
  if (state.kind === 'sending')
    return (
      <p role="status" data-testid="zone-save-state" data-state="sending">
        {t('zones.sending')}
      </p>
    );
  if (state.kind === 'saved')
    return (
      <p role="status" data-testid="zone-save-state" data-state="saved">
        {t('zones.saved')}
      </p>
    );
  return (
    <div className="error" role="alert" data-testid="zone-save-state" data-state="refused">
      <p>{t('zones.refused', { reason: state.reason })}</p>
      {state.current && (
        <>
          <p>
            {t('zones.refusedNow', {
              name: state.current.name,
              version: state.current.version,
              buffer: state.current.bufferM,
            })}
          </p>
          <button type="button" onClick={() => editor.restartFrom(state.current!)}>
            {t('zones.startFromCurrent')}
          </button>
        </>
      )}
    </div>
  );
}
