import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleDocument } from '../../../../shared/domain/commissioning';
import { api } from '../../api';
import { saveDocument } from '../../api/download';
import { errorText } from '../../api/error-text';

type Window = { clientId: string; from: string; to: string };

/** The evidence exports, made in the core; the page only saves them and shows their hash. */
export function ExportBar({ window }: { window: Window }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<ConsoleDocument | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const save = (make: (w: Window) => Promise<ConsoleDocument>) => {
    setBusy(true);
    setError(null);
    make(window)
      .then((doc) => {
        saveDocument(doc);
        setSaved(doc);
      }, setError)
      .finally(() => setBusy(false));
  };
  return (
    <div className="timeline-export">
      <button type="button" disabled={busy} onClick={() => save(api.timeline.evidencePdf)}>
        {t('timeline.exportPdf')}
      </button>
      <button type="button" disabled={busy} onClick={() => save(api.timeline.evidenceCsv)}>
        {t('timeline.exportCsv')}
      </button>
      <button type="button" disabled={busy} onClick={() => save(api.timeline.compliancePdf)}>
        {t('timeline.compliancePdf')}
      </button>
      <button type="button" disabled={busy} onClick={() => save(api.timeline.complianceCsv)}>
        {t('timeline.complianceCsv')}
      </button>
      {saved && (
        <span data-testid="export-hash">
          {t('timeline.exported', { file: saved.fileName, sha: saved.sha256 })}
        </span>
      )}
      {error !== null && <span className="error">{errorText(error, t)}</span>}
    </div>
  );
}
