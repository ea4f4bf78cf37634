// The server's base URL (docs/odoo.md, Server identity and the base URL): when
// web.base.url is not frozen and the console's own sign-in moved it, or it names
// another address than the one the console uses, say plainly what each sign-in does
// to it, and offer the one action: freeze it at an address the admin confirms (the
// current value by default). Main changes nothing on the server without it, and
// records it.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BaseUrlReport } from '../../../../src-preload/contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Button, Dialog, Field, Notice } from '../../components/ui';
import { useConnectionError, useConnections } from '../../stores/connection-store';

export function BaseUrlNotice({ baseUrl }: { baseUrl: BaseUrlReport }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [frozenHere, setFrozenHere] = useState(false);
  if (frozenHere && baseUrl.frozen) {
    return (
      <Notice tone="ok" role="status">
        {t('connect.baseUrl.done', { value: baseUrl.value ?? '' })}
      </Notice>
    );
  }
  if (!baseUrl.warning) return null;
  const params = { value: baseUrl.value ?? '', address: baseUrl.consoleAddress };
  return (
    <Notice tone="caution" role="note" aria-labelledby="base-url-title" className="base-url-notice">
      <strong id="base-url-title">{t('connect.baseUrl.title')}</strong>
      <p>{baseUrl.changedByThisLogin ? t('connect.baseUrl.changed', params) : t('connect.baseUrl.differs', params)}</p>
      <p>{t('connect.baseUrl.offer')}</p>
      <div className="actions">
        <Button onClick={() => setConfirming(true)}>{t('connect.baseUrl.freeze')}</Button>
      </div>
      {confirming && (
        <FreezeDialog
          baseUrl={baseUrl}
          onClose={() => setConfirming(false)}
          onFrozen={() => {
            setConfirming(false);
            setFrozenHere(true);
          }}
        />
      )}
    </Notice>
  );
}

function FreezeDialog({ baseUrl, onClose, onFrozen }: { baseUrl: BaseUrlReport; onClose(): void; onFrozen(): void }) {
  const { t } = useTranslation();
  const freeze = useConnections((state) => state.freezeBaseUrl);
  const busy = useConnections((state) => state.busy);
  const error = useConnectionError('freeze');
  const clearError = useConnections((state) => state.clearError);
  const [address, setAddress] = useState(baseUrl.value ?? baseUrl.consoleAddress);
  const field = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await freeze(address)) !== null) onFrozen();
  };
  const close = () => {
    clearError();
    onClose();
  };

  return (
    <Dialog labelledBy="freeze-title" describedBy="freeze-text" onClose={close} initialFocus={field}>
      <form onSubmit={(event) => void onSubmit(event)}>
        <h2 id="freeze-title">{t('connect.baseUrl.dialogTitle')}</h2>
        <p id="freeze-text">{t('connect.baseUrl.dialogText')}</p>
        <Field label={t('connect.baseUrl.address')} help={t('connect.baseUrl.addressHelp', { value: baseUrl.value ?? '' })}>
          {(control) => <input {...control} ref={field} type="url" value={address} required onChange={(event) => setAddress(event.target.value)} />}
        </Field>
        <ErrorMessage error={error} />
        <div className="actions">
          <Button onClick={close}>{t('connect.baseUrl.cancel')}</Button>
          <Button type="submit" variant="primary" busy={busy === 'freeze'} disabled={busy !== null}>
            {busy === 'freeze' ? t('connect.baseUrl.freezing') : t('connect.baseUrl.confirm')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
