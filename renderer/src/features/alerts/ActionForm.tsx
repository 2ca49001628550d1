import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { resolutionCodes } from '../../../../shared/central/records';

/** The actions that need words from the operator, and what each asks for. */
export type FormKind = 'note' | 'contact' | 'escalate' | 'resolve';
const FIELDS: Record<FormKind, string[]> = {
  note: ['text'],
  contact: ['who', 'channel', 'outcome'],
  escalate: ['to', 'reason'],
  resolve: ['code', 'note'],
};

/** A small form for one action; the first field takes the focus, Esc cancels. */
export function ActionForm({
  kind,
  onSubmit,
  onCancel,
}: {
  kind: FormKind;
  onSubmit(payload: Record<string, string>): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>(
    kind === 'resolve' ? { code: 'client_contacted' } : {},
  );
  const set = (field: string, value: string): void =>
    setValues((held) => ({ ...held, [field]: value }));

  function submit(event: FormEvent): void {
    event.preventDefault();
    onSubmit(values);
  }

  return (
    <form
      className="action-form"
      onSubmit={submit}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
      data-testid={`form-${kind}`}
    >
      {FIELDS[kind].map((field, i) => (
        <label key={field}>
          {t(`alerts.form.${field}`)}
          {field === 'code' ? (
            <select
              autoFocus={i === 0}
              value={values.code}
              onChange={(event) => set('code', event.target.value)}
            >
              {resolutionCodes.map((code) => (
                <option key={code} value={code}>
                  {t(`alerts.resolution.${code}`)}
                </option>
              ))}
            </select>
          ) : (
            <input
              autoFocus={i === 0}
              required={field !== 'note'}
              value={values[field] ?? ''}
              onChange={(event) => set(field, event.target.value)}
            />
          )}
        </label>
      ))}
      <div className="form-buttons">
        <button type="submit">{t('alerts.form.record')}</button>
        <button type="button" onClick={onCancel}>
          {t('alerts.form.cancel')}
        </button>
      </div>
    </form>
  );
}
