// Adds or edits a saved connection. The password is write-only: it is sent to main
// when typed and never shown again; afterwards the UI only knows whether one is kept.
// Missing fields are said in the console's language (not the browser's own bubbles).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection, SecretStorageMode } from '../../../../src-preload/contract';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Button, Checkbox, Field } from '../../components/ui';
import { useConnectionError, useConnections } from '../../stores/connection-store';
import { DatabaseField } from './DatabaseField';

interface ConnectionFormProps {
  /** The connection being edited; null adds a new one. */
  editing: Connection | null;
  storage: SecretStorageMode;
  onSaved(connection: Connection): void;
  /** Absent when there is nothing to go back to (no saved connection yet). */
  onCancel?(): void;
}

type Required = 'name' | 'url' | 'database' | 'login';

export function ConnectionForm({ editing, storage, onSaved, onCancel }: ConnectionFormProps) {
  const { t } = useTranslation();
  const save = useConnections((state) => state.save);
  const saving = useConnections((state) => state.busy === 'save');
  const saveError = useConnectionError('save');
  const [name, setName] = useState(editing?.name ?? '');
  const [url, setUrl] = useState(editing?.url ?? '');
  const [database, setDatabase] = useState(editing?.database ?? '');
  const [login, setLogin] = useState(editing?.login ?? '');
  const [password, setPassword] = useState('');
  const [rememberPassword, setRememberPassword] = useState(editing?.passwordStored ?? false);
  const [submitted, setSubmitted] = useState(false);

  const values: Record<Required, string> = { name, url, database, login };
  const missing = (field: Required) => (submitted && values[field].trim() === '' ? t('connect.form.required') : undefined);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.values(values).some((value) => value.trim() === '')) return;
    const saved = await save({
      ...(editing ? { id: editing.id } : {}),
      name,
      url,
      database,
      login,
      // Left empty while editing: main keeps the password it has.
      ...(password ? { password } : {}),
      rememberPassword: storage.mode === 'keychain' && rememberPassword,
    });
    if (saved) onSaved(saved);
  };

  const titleId = 'connection-form-title';
  return (
    <form className="connection-form panel" aria-labelledby={titleId} onSubmit={onSubmit} noValidate>
      <h2 id={titleId}>{editing ? t('connect.form.editTitle', { name: editing.name }) : t('connect.form.addTitle')}</h2>
      <Field id="connection-name" label={t('connect.form.name')} error={missing('name')}>
        {(control) => <input {...control} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field id="connection-url" label={t('connect.form.url')} help={t('connect.form.urlHelp')} error={missing('url')}>
        {(control) => (
          <input
            {...control}
            type="url"
            value={url}
            placeholder="https://odoo.example.com"
            spellCheck={false}
            onChange={(e) => setUrl(e.target.value)}
          />
        )}
      </Field>
      <DatabaseField url={url} value={database} error={missing('database')} onChange={setDatabase} />
      <Field id="connection-login" label={t('connect.form.login')} error={missing('login')}>
        {(control) => (
          <input {...control} value={login} autoComplete="username" spellCheck={false} onChange={(e) => setLogin(e.target.value)} />
        )}
      </Field>
      <Field
        id="connection-password"
        label={t('connect.form.password')}
        help={
          editing?.passwordStored
            ? t('connect.form.passwordKeep')
            : storage.mode === 'keychain'
              ? t('connect.form.passwordHelp')
              : t('connect.form.passwordHelpMemory')
        }
      >
        {(control) => (
          <input {...control} type="password" value={password} autoComplete="new-password" onChange={(e) => setPassword(e.target.value)} />
        )}
      </Field>
      {/* Without a keychain there is nothing to remember a password in: no checkbox that could not keep its word. */}
      {storage.mode === 'keychain' && (
        <Checkbox label={t('connect.form.remember')} checked={rememberPassword} onChange={setRememberPassword} />
      )}
      <ErrorMessage error={saveError} />
      <div className="actions">
        <Button type="submit" variant="primary" busy={saving}>
          {t('connect.form.save')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('connect.form.cancel')}</Button>}
      </div>
    </form>
  );
}
