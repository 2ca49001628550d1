import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useClock } from '../../api/use-clock';
import { useLive } from '../../api/use-live';
import { useConsole } from '../../app/console-context';
import { goTo, href, parseHash, type RegisterQuery } from '../../app/routes';
import { useLink } from '../../app/use-route';
import { useVirtualRows } from '../../app/virtual-rows';
import { rememberRegisterQuery } from './last-register-query';
import { registerQueryOf, sortKeys, type SortKey } from './register-view';
import { useRegisterView } from './use-register';
import { RegisterFilters } from './RegisterFilters';
import { RegisterRowView, ROW_HEIGHT } from './RegisterRowView';

/**
 * Everyone under monitoring: filters and sort in the link (a supervisor sends a referent a view),
 * a search that ignores case and diacritics, virtualised rows; `/` searches, arrows move, Enter opens.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const link = useLink();
  const operatorId = useConsole().session.operator?.id;
  // The view is this page's state, written into the link without a navigation (a hashchange
  // re-renders the whole shell, its alert banners included); a link opened or pasted re-syncs it.
  const [query, setQuery] = useState<RegisterQuery>(() =>
    link.route === 'clients' ? registerQueryOf(link) : {},
  );
  useEffect(() => {
    const follow = () => {
      const next = parseHash(window.location.hash);
      if (next.route === 'clients' && !next.client) setQuery(registerQueryOf(next));
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const queryKey = JSON.stringify(query);
  // The hash may already name a client file (this page is on its way out): keep the list's view.
  const onList = link.route === 'clients' && !link.client;
  useEffect(() => {
    if (onList) rememberRegisterQuery(operatorId, JSON.parse(queryKey) as RegisterQuery);
  }, [queryKey, onList, operatorId]);
  const now = useClock(30_000);
  // Every 15 s, not on every alert change: with thousands of clients the queue changes several
  // times a second, and each reload is the whole register.
  const register = useLive(() => api.clients.register({}), [], [], { everyMs: 15_000 });
  const { lines, shown, units } = useRegisterView(register.value?.rows, now, query);
  const [selected, setSelected] = useState(0);
  const search = useRef<HTMLInputElement>(null);
  const { first, last, totalHeight, scroller } = useVirtualRows(shown.length, ROW_HEIGHT, selected);
  const reduced = register.value?.reduced ?? false;
  const set = (patch: RegisterQuery) => {
    const next = { ...query, ...patch };
    for (const key of Object.keys(next) as (keyof RegisterQuery)[])
      if (!next[key]) delete next[key];
    setSelected(0);
    setQuery(next);
    history.replaceState(null, '', href({ route: 'clients', ...next }));
  };
  const sortBy = (key: SortKey) =>
    set({ sort: key, dir: query.sort === key && query.dir !== 'desc' ? 'desc' : undefined });

  return (
    <section
      className="page register"
      onKeyDown={(event) => {
        const target = event.target as HTMLElement;
        const typing = target.tagName === 'INPUT' || target.tagName === 'SELECT';
        if (event.key === '/' && !typing) {
          event.preventDefault();
          search.current?.focus();
        } else if (event.key === 'ArrowDown') {
          event.preventDefault();
          setSelected((i) => Math.min(shown.length - 1, i + 1));
        } else if (event.key === 'ArrowUp') {
          event.preventDefault();
          setSelected((i) => Math.max(0, i - 1));
        } else if (event.key === 'Enter' && shown[selected]) {
          goTo({ route: 'clients', client: shown[selected].row.id });
        }
      }}
    >
      <h1>{t('register.title')}</h1>
      <RegisterFilters query={query} set={set} units={units} reduced={reduced} search={search} />
      <p className="muted" data-testid="register-count" data-count={shown.length}>
        {t('register.count', { shown: shown.length, total: lines.length })}
      </p>
      <div className="register-row register-head" role="row">
        {sortKeys.map((key) => (
          <button
            key={key}
            type="button"
            className="column-head"
            onClick={() => sortBy(key)}
            aria-sort={
              query.sort === key ? (query.dir === 'desc' ? 'descending' : 'ascending') : undefined
            }
          >
            {t(`register.columns.${key}`)}
          </button>
        ))}
      </div>
      <div
        {...scroller}
        className="register-list"
        role="listbox"
        tabIndex={0}
        data-testid="register-list"
      >
        <div style={{ height: totalHeight, position: 'relative' }}>
          {shown.slice(first, last).map((line, i) => (
            <RegisterRowView
              key={line.row.id}
              line={line}
              index={first + i}
              selected={first + i === selected}
              now={now}
              onSelect={setSelected}
            />
          ))}
        </div>
      </div>
    </section>
  );
}
