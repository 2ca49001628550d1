import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { errorText } from '../../api/error-text';
import { useFormat } from '../../api/use-format';
import { useLive } from '../../api/use-live';

type Show = 'all' | 'bad' | string;

/** The raw sentence log (bad lines marked with why) and a field to send a command by hand. */
export function TerminalPane() {
  const { t } = useTranslation();
  const format = useFormat();
  const log =
    useLive(() => api.stations.log({}), ['stations.changed'], [], { everyMs: 1000 }).value ?? [];
  const [show, setShow] = useState<Show>('all');
  const [line, setLine] = useState('');
  const [answer, setAnswer] = useState<{ error: boolean; text: string } | null>(null);
  const types = [
    ...new Set(log.map((l) => /^\$([A-Z]+)/.exec(l.text)?.[1]).filter((x): x is string => !!x)),
  ].sort();
  const shown = log.filter((l) =>
    show === 'all' ? true : show === 'bad' ? l.reason !== null : l.text.startsWith(`$${show},`),
  );

  async function send(): Promise<void> {
    try {
      const { fields } = await api.stations.send({ line: line.trim() });
      setAnswer({ error: false, text: t('terminal.answer', { fields: fields.join(',') }) });
    } catch (error) {
      setAnswer({ error: true, text: errorText(error, t) });
    }
  }

  return (
    <div className="terminal">
      <label>
        {t('terminal.filter')}
        <select
          value={show}
          onChange={(event) => setShow(event.target.value)}
          data-testid="terminal-filter"
        >
          <option value="all">{t('terminal.all')}</option>
          <option value="bad">{t('terminal.bad')}</option>
          {types.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </label>
      <ol className="sentence-log" data-testid="sentence-log">
        {shown.slice(-300).map((l, i) => (
          <li key={`${l.at}-${i}`} className={`${l.direction}${l.reason ? ' bad' : ''}`}>
            <span className="muted">{format.time(l.at)}</span> {l.direction === 'out' ? '→' : '←'}{' '}
            <code>{l.text}</code>
            {l.reason && (
              <span className="bad-reason"> ({t(`stations.dropReason.${l.reason}`)})</span>
            )}
          </li>
        ))}
      </ol>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <label>
          {t('terminal.command')}
          <input
            value={line}
            onChange={(event) => setLine(event.target.value.toUpperCase())}
            spellCheck={false}
            data-testid="terminal-command"
          />
        </label>
        <button type="submit" disabled={line.trim() === ''}>
          {t('terminal.send')}
        </button>
      </form>
      {answer && (
        <p className={answer.error ? 'error' : 'muted'} role="status" data-testid="terminal-answer">
          {answer.text}
        </p>
      )}
    </div>
  );
}
