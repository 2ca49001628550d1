import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../../../../shared/domain/audit';

const toIso = (local: string): string | undefined =>
  local === '' ? undefined : new Date(local).toISOString();
const orUndefined = (text: string): string | undefined =>
  text.trim() === '' ? undefined : text.trim();

/** Who, what, about whom and when: the filter the list and the export share. */
export function AuditFilters({ onApply }: { onApply(filter: AuditFilter): void }) {
  const { t } = useTranslation();
  const [operatorId, setOperatorId] = useState('');
  const [action, setAction] = useState('');
  const [subjectId, setSubjectId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  function submit(event: FormEvent): void {
    event.preventDefault();
    onApply({
      operatorId: orUndefined(operatorId),
      action: orUndefined(action),
      subjectId: orUndefined(subjectId),
      from: toIso(from),
      to: toIso(to),
    });
  }

  const field = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    type = 'text',
  ) => (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} value={value} onChange={(e) => set(e.target.value)} />
    </>
  );
  return (
    <form className="panel form-grid" onSubmit={submit} data-testid="audit-filters">
      {field('audit-operator', t('audit.operator'), operatorId, setOperatorId)}
      {field('audit-action', t('audit.action'), action, setAction)}
      {field('audit-subject', t('audit.subject'), subjectId, setSubjectId)}
      {field('audit-from', t('audit.from'), from, setFrom, 'datetime-local')}
      {field('audit-to', t('audit.to'), to, setTo, 'datetime-local')}
      <button type="submit">{t('audit.apply')}</button>
    </form>
  );
}
