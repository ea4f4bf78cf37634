// "Allow changes" (issue 17.2): a second reason, under the same rule as the first
// (main decides; the hints only mirror it), and an explicit confirmation. Main writes
// the unlock to Odoo's log and to the local audit before the view may write; until
// it answers, the session stays read-only.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleApi } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { reasonFeedback } from '../../components/reason-hint';
import { ReasonField } from '../../components/ReasonField';
import { Button, Dialog } from '../../components/ui';

interface AllowChangesDialogProps {
  name: string;
  onClose(): void;
}

export function AllowChangesDialog({ name, onClose }: AllowChangesDialogProps) {
  const { t } = useTranslation();
  const ids = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const valid = reasonFeedback(reason, true).error === null;
  const canConfirm = valid && understood && !saving;

  const confirm = async () => {
    setTouched(true);
    if (!canConfirm) return;
    setSaving(true);
    setError(null);
    try {
      await consoleApi().impersonation.allowChanges({ reason });
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
    <Dialog labelledBy={titleId} describedBy={bodyId} onClose={onClose} initialFocus={fieldRef} className="reason-dialog allow-changes-dialog">
      <h2 id={titleId}>{t('session.changes.dialogTitle', { name })}</h2>
      <p id={bodyId} className="help">
        {t('session.changes.dialogBody', { name })}
      </p>
      <ReasonField
        label={t('session.changes.reasonLabel')}
        reason={reason}
        touched={touched}
        fieldRef={fieldRef}
        onChange={(value) => {
          setReason(value);
          setTouched(true);
        }}
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
