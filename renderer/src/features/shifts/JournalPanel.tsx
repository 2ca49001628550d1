import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { journalCategories, type JournalEntry } from '../../../../shared/central/records';
import type { JournalItem, ShiftView } from '../../../../shared/domain/shifts';
import { api } from '../../api';
import { errorText } from '../../api/error-text';
import { useFormat } from '../../api/use-format';
import { goTo } from '../../app/routes';
import { useLink } from '../../app/use-route';
import { RefPicker, type Refs } from './RefPicker';
import { TimelineLinkTo } from '../timeline/TimelineLinkTo';

type Category = JournalEntry['category'];
const NO_REFS: Refs = { alertIds: [], clientIds: [], deviceIds: [] };

/** Refs a link asks for: "Journal entry" on an alert or a client panel opens the form with it. */
function linkedRefs(link: ReturnType<typeof useLink>): Refs {
  if (link.route !== 'shifts') return NO_REFS;
  return {
    alertIds: link.alert ? [link.alert] : [],
    clientIds: link.client ? [link.client] : [],
    deviceIds: [],
  };
}

/** The shift's journal: a form for a new entry (or a correction), then the entries, corrections beside what they correct. */
export function JournalPanel({ view }: { view: ShiftView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const link = useLink();
  const [category, setCategory] = useState<Category>(
    link.route === 'shifts' && link.alert ? 'incident' : 'info',
  );
  const [text, setText] = useState('');
  const [refs, setRefs] = useState<Refs>(() => linkedRefs(link));
  const [correcting, setCorrecting] = useState<JournalItem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const linked = linkedRefs(link);
  const [linkSeen, setLinkSeen] = useState(JSON.stringify(linked));
  if (JSON.stringify(linked) !== linkSeen) {
    setLinkSeen(JSON.stringify(linked));
    if (linked.alertIds.length || linked.clientIds.length) setRefs(linked);
  }

  async function add(): Promise<void> {
    setError(null);
    try {
      await api.journal.add({ category, text, refs, correctsEntryId: correcting?.id ?? null });
      setText('');
      setRefs(NO_REFS);
      setCorrecting(null);
      if (link.route === 'shifts' && (link.alert || link.client)) goTo({ route: 'shifts' });
    } catch (failure) {
      setError(errorText(failure, t));
    }
  }

  const corrections = new Map<string, JournalItem[]>();
  for (const entry of view.journal)
    if (entry.correctsEntryId)
      corrections.set(entry.correctsEntryId, [
        ...(corrections.get(entry.correctsEntryId) ?? []),
        entry,
      ]);
  const names = new Map(view.operators.map((o) => [o.id, o.name]));
  // Every correction under the entry it ends up correcting, a correction of a correction too.
  const thread = (id: string): JournalItem[] =>
    (corrections.get(id) ?? []).flatMap((c) => [c, ...thread(c.id)]);
  const line = (entry: JournalItem, isCorrection: boolean) => (
    <li
      key={entry.id}
      className={`journal-entry${isCorrection ? ' correction' : ''}${entry.waiting ? ' waiting' : ''}`}
      data-testid="journal-entry"
    >
      <header>
        <span className="muted">{format.time(entry.at, false)}</span>{' '}
        <strong>{t(`shifts.category.${entry.category}`)}</strong>{' '}
        <span className="muted">
          {entry.waiting ? t('shifts.waiting') : (names.get(entry.operatorId) ?? entry.operatorId)}
        </span>
        {isCorrection && <span className="muted"> · {t('shifts.correctedBy')}</span>}
        {!entry.waiting && !isCorrection && (
          <button
            type="button"
            className="link-button"
            onClick={() => setCorrecting(entry)}
            data-testid="journal-correct"
          >
            {t('shifts.correct')}
          </button>
        )}
      </header>
      <p>{entry.text}</p>
      {(entry.refs.alertIds.length > 0 || entry.refs.clientIds.length > 0) && (
        <p className="muted">
          {[...entry.refs.alertIds, ...entry.refs.clientIds].join(', ')}{' '}
          {entry.refs.clientIds[0] && !entry.waiting && (
            <TimelineLinkTo client={entry.refs.clientIds[0]} at={entry.at} />
          )}
        </p>
      )}
    </li>
  );
  return (
    <section className="panel journal">
      <h2>{t('shifts.journal')}</h2>
      <form
        className="journal-form"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        {correcting && (
          <p className="muted" data-testid="journal-correcting">
            {t('shifts.correcting', { time: format.time(correcting.at, false) })}{' '}
            <button type="button" className="link-button" onClick={() => setCorrecting(null)}>
              {t('shifts.cancel')}
            </button>
          </p>
        )}
        <select
          value={category}
          onChange={(e) => setCategory(e.target.value as Category)}
          data-testid="entry-category"
        >
          {journalCategories.map((c) => (
            <option key={c} value={c}>
              {t(`shifts.category.${c}`)}
            </option>
          ))}
        </select>
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={3}
          aria-label={t('shifts.text')}
          data-testid="entry-text"
        />
        <RefPicker refs={refs} onChange={setRefs} />
        <button type="submit" disabled={text.trim() === ''} data-testid="entry-add">
          {t('shifts.add')}
        </button>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </form>
      <ol className="journal-list">
        {view.journal
          .filter((entry) => !entry.correctsEntryId)
          .map((entry) => [line(entry, false), ...thread(entry.id).map((c) => line(c, true))])}
      </ol>
    </section>
  );
}
