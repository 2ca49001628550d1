import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, Zone } from '../../../../shared/central/records';
import { errorText } from '../../api/error-text';
import { ScheduleEditor } from './ScheduleEditor';
import type { ZoneEditorState } from './use-zone-editor';
import { WeekPreview } from './ZoneForce';
import { ZoneHistoryList } from './ZoneHistoryList';

interface Candidate {
  id: string;
  name: string;
  caseNumber: string;
}

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
  const shared = draft.clientId === null;
  const [query, setQuery] = useState('');
  const hits = query.trim() ? search(query).filter((c) => !draft.appliesTo.includes(c.id)) : [];
  const geometry = draft.geometry;
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

      <fieldset>
        <legend>{t('zones.scope')}</legend>
        <label>
          <input
            type="radio"
            name="zone-scope"
            checked={!shared}
            onChange={() => update({ clientId: client.id, appliesTo: [] })}
          />
          {t('zones.scopeClient')}
        </label>
        <label>
          <input
            type="radio"
            name="zone-scope"
            checked={shared}
            onChange={() => update({ clientId: null, appliesTo: [client.id] })}
            data-testid="zone-shared"
          />
          {t('zones.scopeShared')}
        </label>
        {shared && (
          <>
            <ul data-testid="zone-applies-to">
              {draft.appliesTo.map((id) => (
                <li key={id}>
                  {nameOf(id)}{' '}
                  <button
                    type="button"
                    onClick={() => update({ appliesTo: draft.appliesTo.filter((a) => a !== id) })}
                  >
                    {t('zones.remove')}
                  </button>
                </li>
              ))}
            </ul>
            <label>
              {t('zones.addClient')}{' '}
              <input value={query} onChange={(e) => setQuery(e.target.value)} />
            </label>
            <ul className="picker-list">
              {hits.map((hit) => (
                <li key={hit.id}>
                  <button
                    type="button"
                    onClick={() => {
                      update({ appliesTo: [...draft.appliesTo, hit.id] });
                      setQuery('');
                    }}
                  >
                    {hit.name} <span className="muted">{hit.caseNumber}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>{t('zones.shape')}</legend>
        <p data-testid="zone-shape">
          {geometry === null
            ? t('zones.noShape')
            : geometry.type === 'Circle'
              ? t('zones.circleAt', {
                  radius: geometry.radiusM,
                  lat: geometry.center[1].toFixed(5),
                  lon: geometry.center[0].toFixed(5),
                })
              : t('zones.polygonOf', { count: geometry.coordinates[0]!.length - 1 })}
        </p>
        {geometry?.type === 'Circle' && (
          <label>
            {t('zones.radius')}{' '}
            <input
              type="number"
              min={0}
              step={10}
              value={geometry.radiusM}
              data-testid="zone-radius"
              onChange={(e) =>
                update({
                  geometry: { ...geometry, radiusM: Math.max(0, Number(e.target.value) || 0) },
                })
              }
            />
          </label>
        )}
        <div className="button-row">
          <button
            type="button"
            aria-pressed={editor.drawing === 'circle'}
            onClick={() => editor.draw(editor.drawing === 'circle' ? null : 'circle')}
          >
            {t('zones.drawCircle')}
          </button>
          <button
            type="button"
            aria-pressed={editor.drawing === 'polygon'}
            onClick={() => editor.draw(editor.drawing === 'polygon' ? null : 'polygon')}
          >
            {t('zones.drawPolygon')}
          </button>
          {client.home && (
            <button type="button" onClick={editor.aroundHome}>
              {geometry?.type === 'Circle' ? t('zones.centreOnHome') : t('zones.aroundHome')}
            </button>
          )}
        </div>
        <p className="muted">{t('zones.drawHint')}</p>
      </fieldset>

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

/** Waiting, done, or refused with the zone as the service now has it and a way to start from it. */
function SaveOutcome({ editor }: { editor: ZoneEditorState }) {
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
