// "Allow changes" (issue 17.2): a second reason, under the same rule as the first
// (main decides; the hints only mirror it), and an explicit confirmation. Main writes
// the unlock to Odoo's log and to the local audit before the view may write; until
// it answers, the session stays read-only.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleApi } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useReasonDraft } from '../../components/reason-draft';
import { ReasonField } from '../../components/ReasonField';
import { Button, Dialog } from '../../components/ui';

interface AllowChangesDialogProps {
  name: string;
  onClose(): void;
}

export function AllowChangesDialog({ name, onClose }: AllowChangesDialogProps) {
  const { t } = useTranslation();
  const ids = useId();
  const draft = useReasonDraft();
  const [understood, setUnderstood] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const canConfirm = draft.valid && understood && !saving;

  const confirm = async () => {
    draft.touch();
    if (!canConfirm) return;
    setSaving(true);
    setError(null);
    try {
      await consoleApi().impersonation.allowChanges({ reason: draft.reason });
      onClose();
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  const titleId = `${ids}-title`;
  const bodyId = `${ids}-body`;
  return (
    <Dialog labelledBy={titleId} describedBy={bodyId} onClose={onClose} initialFocus={draft.fieldRef} className="reason-dialog allow-changes-dialog">
      <h2 id={titleId}>{t('session.changes.dialogTitle', { name })}</h2>
      <p id={bodyId} className="help">
        {t('session.changes.dialogBody', { name })}
      </p>
      <ReasonField
        label={t('session.changes.reasonLabel')}
        draft={draft}
      />
      <label className="allow-changes-confirm">
        <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />
        <span>{t('session.changes.understood', { name })}</span>
      </label>
      <ErrorMessage error={error} />
      <div className="actions">
        <Button onClick={onClose}>{t('reason.cancel')}</Button>
        <Button variant="danger" disabled={!canConfirm} busy={saving} onClick={() => void confirm()}>
          {saving ? t('session.changes.saving') : t('session.changes.confirm')}
        </Button>
      </div>
    </Dialog>
  );
}
