// The code prompt of two-factor sign-in: the server accepted the password and wants
// the code from the admin's authenticator app (or no longer trusts this computer). The
// code goes to main with the same Test or Connect, which finishes the sign-in it holds;
// a refused code is said here, and another can be tried. "Trust this computer" (on by
// default) decides where main keeps the server's trusted-device token.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection, SecretStorageMode } from '../../../../src-preload/contract';
import { errorMessageKey } from '../../components/ErrorMessage';
import { Button, Checkbox, Dialog, Field } from '../../components/ui';
import { useConnections, type SecondFactorPrompt } from '../../stores/connection-store';

function trustHelpKey(trust: boolean, storage: SecretStorageMode): string {
  if (!trust) return 'connect.twoFactor.trustOff';
  return storage.mode === 'keychain' ? 'connect.twoFactor.trustKeychain' : 'connect.twoFactor.trustMemory';
}

export function SecondFactorDialog({ connection, storage, prompt }: { connection: Connection; storage: SecretStorageMode; prompt: SecondFactorPrompt }) {
  const { t } = useTranslation();
  const busy = useConnections((state) => state.busy);
  const submitCode = useConnections((state) => state.submitCode);
  const cancel = useConnections((state) => state.cancelSecondFactor);
  const [code, setCode] = useState('');
  const [trust, setTrust] = useState(true);
  const field = useRef<HTMLInputElement>(null);
  const refused = prompt.error ? errorMessageKey(prompt.error) : null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const report = await submitCode(code, trust);
    // Refused: a fresh code is needed, so the field is emptied and ready for it.
    if (report === null) {
      setCode('');
      field.current?.focus();
    }
  };

  const titleId = 'second-factor-title';
  const introId = 'second-factor-intro';
  const intro = prompt.reason === 'untrusted' ? 'connect.twoFactor.introUntrusted' : 'connect.twoFactor.introRequired';
  return (
    <Dialog labelledBy={titleId} describedBy={introId} onClose={cancel} initialFocus={field} className="second-factor-dialog">
      <form onSubmit={(event) => void onSubmit(event)}>
        <h2 id={titleId}>{t('connect.twoFactor.title')}</h2>
        <p id={introId}>{t(intro, { login: connection.login, name: connection.name })}</p>
        <Field label={t('connect.twoFactor.code')} help={t('connect.twoFactor.codeHelp')} error={refused && t(refused.key, refused.params)}>
          {(control) => (
            <input
              {...control}
              ref={field}
              className="code-input"
              value={code}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={12}
              required
              onChange={(event) => setCode(event.target.value)}
            />
          )}
        </Field>
        <Checkbox label={t('connect.twoFactor.trust')} checked={trust} onChange={setTrust} help={t(trustHelpKey(trust, storage))} />
        <div className="actions">
          <Button onClick={cancel}>{t('connect.twoFactor.cancel')}</Button>
          <Button type="submit" variant="primary" busy={busy === prompt.task} disabled={busy !== null}>
            {busy === prompt.task ? t('connect.twoFactor.verifying') : t('connect.twoFactor.verify')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
