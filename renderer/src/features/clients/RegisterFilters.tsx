import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { riskLevels, supervisionTypes } from '../../../../shared/central/records';
import { clientStates } from '../../../../shared/domain/clients';
import type { RegisterQuery } from '../../app/routes';

const FLAGS = ['juvenile', 'sex_offence', 'violent_offence', 'victim_protection', 'mappa'];

interface Props {
  query: RegisterQuery;
  set: (patch: RegisterQuery) => void;
  units: readonly string[];
  /** A technician's register: no case fields to filter by. */
  reduced: boolean;
  search: RefObject<HTMLInputElement | null>;
}

/** The register's search box and filters; every change goes into the link. */
export function RegisterFilters({ query, set, units, reduced, search }: Props) {
  const { t } = useTranslation();
  const toggle = (key: 'risk' | 'flag', value: string) => {
    const values = (query[key] ?? '').split(',').filter(Boolean);
    set({
      [key]: (values.includes(value) ? values.filter((v) => v !== value) : [...values, value]).join(
        ',',
      ),
    });
  };
  return (
    <div className="register-filters">
      <input
        ref={search}
        type="search"
        placeholder={t('register.search')}
        value={query.q ?? ''}
        onChange={(e) => set({ q: e.target.value })}
        data-testid="register-search"
      />
      {!reduced && (
        <>
          <fieldset>
            <legend>{t('register.risk')}</legend>
            {riskLevels.map((risk) => (
              <label key={risk}>
                <input
                  type="checkbox"
                  checked={(query.risk ?? '').split(',').includes(risk)}
                  onChange={() => toggle('risk', risk)}
                  data-testid={`risk-${risk}`}
                />
                {t(`risk.${risk}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('register.flags')}</legend>
            {FLAGS.map((flag) => (
              <label key={flag}>
                <input
                  type="checkbox"
                  checked={(query.flag ?? '').split(',').includes(flag)}
                  onChange={() => toggle('flag', flag)}
                  data-testid={`flag-${flag}`}
                />
                {t(`flag.${flag}`, { defaultValue: flag })}
              </label>
            ))}
          </fieldset>
          <select
            value={query.type ?? ''}
            onChange={(e) => set({ type: e.target.value })}
            aria-label={t('register.type')}
          >
            <option value="">{t('register.anyType')}</option>
            {supervisionTypes.map((type) => (
              <option key={type} value={type}>
                {t(`supervision.${type}`, { defaultValue: type })}
              </option>
            ))}
          </select>
          <select
            value={query.state ?? ''}
            onChange={(e) => set({ state: e.target.value })}
            aria-label={t('register.state')}
          >
            <option value="">{t('register.anyState')}</option>
            {clientStates.map((state) => (
              <option key={state} value={state}>
                {t(`register.states.${state}`)}
              </option>
            ))}
          </select>
        </>
      )}
      <select
        value={query.unit ?? ''}
        onChange={(e) => set({ unit: e.target.value })}
        aria-label={t('register.unit')}
      >
        <option value="">{t('register.anyUnit')}</option>
        {units.map((unit) => (
          <option key={unit} value={unit}>
            {unit}
          </option>
        ))}
      </select>
    </div>
  );
}
