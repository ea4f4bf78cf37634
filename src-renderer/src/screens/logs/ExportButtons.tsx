// Export CSV / Export JSON of the rows on screen (the filters, and the search
// when one is shown); main builds the file (with CSV formula escaping), the UI
// only saves it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Button } from '../../components/ui';
import { useLogs } from '../../stores/logs-store';
import { downloadExport } from './download';

type Format = 'csv' | 'json';

export function ExportButtons() {
  const { t } = useTranslation();
  const exportAs = useLogs((state) => state.exportAs);
  const generation = useLogs((state) => state.generation);
  const [busy, setBusy] = useState<Format | null>(null);
  // Kept with the question it answered: once the filters or search change, "records: n" would mislead.
  const [done, setDone] = useState<{ rows: number; fileName: string; generation: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async (format: Format) => {
    setBusy(format);
    setDone(null);
    setError(null);
    try {
      const result = await exportAs(format);
      downloadExport(result);
      setDone({ rows: result.rows, fileName: result.fileName, generation });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="logs-export" role="group" aria-label={t('logs.export.label')}>
      <span role="status" className="help logs-export-done">
        {done?.generation === generation ? t('logs.export.done', { rows: done.rows, fileName: done.fileName }) : ''}
      </span>
      <Button size="sm" onClick={() => void run('csv')} busy={busy === 'csv'} disabled={busy !== null}>
        {t('logs.export.csv')}
      </Button>
      <Button size="sm" onClick={() => void run('json')} busy={busy === 'json'} disabled={busy !== null}>
        {t('logs.export.json')}
      </Button>
      <ErrorMessage error={error} />
    </div>
  );
}
