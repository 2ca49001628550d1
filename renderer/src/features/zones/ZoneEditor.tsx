import { useTranslation } from 'react-i18next';
import type { Client, Zone } from '../../../../shared/central/records';
import { errorText } from '../../api/error-text';
import { SaveOutcome } from './SaveOutcome';
import { ScheduleEditor } from './ScheduleEditor';
import { ZoneScope, type Candidate } from './ZoneScope';
import { ZoneShape } from './ZoneShape';
import type { ZoneEditorState } from './use-zone-editor';
import { WeekPreview } from './ZoneForce';
import { ZoneHistoryList } from './ZoneHistoryList';

/**
 * The zone editor's panel beside the map (supervisors): name, kind, warning band, one client or a
 * shared zone, the area (drawn on the map, or a circle around the home), the schedule with its week
 * preview, what stops it being sent, and what became of the save; for a zone that exists, its
 * history.
 */
export function ZoneEditor({
  client,
  zone,
  editor,
  now,
  search,
  nameOf,
  onClose,
}: {
  client: Client;
  zone: Zone | null;
  editor: ZoneEditorState;
  now: number;
  search(query: string): Candidate[];
  nameOf(clientId: string): string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { draft, update, problems, saveState } = editor;
  const busy = saveState.kind === 'sending';

  return (
    <aside className="client-panel zone-editor" data-testid="zone-editor">
      <header>
        <h2>
          {zone
            ? t('zones.editorEdit', { name: zone.name, version: zone.version })
            : t('zones.editorNew', { client: client.displayName })}
        </h2>
        <button type="button" onClick={onClose} aria-label={t('zones.cancel')}>
          ×
        </button>
      </header>
      <div className="form-grid">
        <label htmlFor="zone-name">{t('zones.name')}</label>
        <input
          id="zone-name"
          value={draft.name}
          maxLength={120}
          onChange={(e) => update({ name: e.target.value })}
        />
        <label htmlFor="zone-kind">{t('zones.kind')}</label>
        <select
          id="zone-kind"
          value={draft.kind}
          onChange={(e) => update({ kind: e.target.value as Zone['kind'] })}
        >
          <option value="exclusion">{t('zoneKind.exclusion')}</option>
          <option value="inclusion">{t('zoneKind.inclusion')}</option>
        </select>
        <label htmlFor="zone-buffer">{t('zones.buffer')}</label>
        <input
          id="zone-buffer"
          type="number"
          min={0}
          step={10}
          value={draft.bufferM}
          onChange={(e) => update({ bufferM: Math.max(0, Number(e.target.value) || 0) })}
        />
      </div>

      <ZoneScope client={client} editor={editor} search={search} nameOf={nameOf} />
      <ZoneShape client={client} editor={editor} />

      <ScheduleEditor schedule={draft.schedule} onChange={(schedule) => update({ schedule })} />
      <WeekPreview schedule={draft.schedule} now={now} open />

      {problems.length > 0 && (
        <div className="problems" role="alert" data-testid="zone-problems">
          <strong>{t('zones.problems')}</strong>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.field}:${problem.code}`} data-code={problem.code}>
                {t(`zones.problem.${problem.code}`, problem.values)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {editor.saveError !== null && (
        <p className="error" role="alert">
          {errorText(editor.saveError, t)}
        </p>
      )}
      <SaveOutcome editor={editor} />
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={problems.length > 0 || busy}
          onClick={() => void editor.save()}
        >
          {t('zones.save')}
        </button>
        {zone && (
          <button type="button" disabled={busy} onClick={() => void editor.remove()}>
            {t('zones.delete')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('zones.cancel')}
        </button>
      </div>
      {zone && <ZoneHistoryList zoneId={zone.id} />}
    </aside>
  );
}
