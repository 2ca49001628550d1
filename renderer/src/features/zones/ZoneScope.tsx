import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../../../shared/central/records';
import type { ZoneEditorState } from './use-zone-editor';

export interface Candidate {
  id: string;
  name: string;
  caseNumber: string;
}

/** Whom a zone applies to: the client it was opened on, or several (a shared zone, e.g. a school). */
export function ZoneScope({
  client,
  editor,
  search,
  nameOf,
}: {
  client: Client;
  editor: ZoneEditorState;
  search(query: string): Candidate[];
  nameOf(clientId: string): string;
}) {
  const { t } = useTranslation();
  const { draft, update } = editor;
  const shared = draft.clientId === null;
  const [query, setQuery] = useState('');
  const hits = query.trim() ? search(query).filter((c) => !draft.appliesTo.includes(c.id)) : [];
  return (
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
  );
}
