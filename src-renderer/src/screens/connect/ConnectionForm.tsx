// Adds or edits a saved connection. The password is write-only: it is sent to main
// when typed and never shown again; afterwards the UI only knows whether one is stored.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../../src-preload/contract';
import { useConnections } from '../../stores/connection-store';
import { DatabaseField } from './DatabaseField';

interface ConnectionFormProps {
  /** The connection being edited; null adds a new one. */
  editing: Connection | null;
  onSaved(connection: Connection): void;
  /** Absent when there is nothing to go back to (no saved connection yet). */
  onCancel?(): void;
}

export function ConnectionForm({ editing, onSaved, onCancel }: ConnectionFormProps) {
  const { t } = useTranslation();
  const save = useConnections((state) => state.save);
  const saving = useConnections((state) => state.busy === 'save');
  const [name, setName] = useState(editing?.name ?? '');
  const [url, setUrl] = useState(editing?.url ?? '');
  const [database, setDatabase] = useState(editing?.database ?? '');
  const [login, setLogin] = useState(editing?.login ?? '');
  const [password, setPassword] = useState('');
  const [rememberPassword, setRememberPassword] = useState(editing?.passwordStored ?? false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save({
      ...(editing ? { id: editing.id } : {}),
      name,
      url,
      database,
      login,
      // Left empty while editing: main keeps the password it has.
      ...(password ? { password } : {}),
      rememberPassword,
    });
    if (saved) onSaved(saved);
  };

  const titleId = 'connection-form-title';
  return (
    <form className="connection-form panel" aria-labelledby={titleId} onSubmit={onSubmit}>
      <h2 id={titleId}>{editing ? t('connect.form.editTitle', { name: editing.name }) : t('connect.form.addTitle')}</h2>
      <div className="field">
        <label htmlFor="connection-name">{t('connect.form.name')}</label>
        <input id="connection-name" value={name} required maxLength={100} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="connection-url">{t('connect.form.url')}</label>
        <input
          id="connection-url"
          type="url"
          value={url}
          required
          placeholder="https://odoo.example.com"
          spellCheck={false}
          onChange={(e) => setUrl(e.target.value)}
        />
        <p className="help">{t('connect.form.urlHelp')}</p>
      </div>
      <DatabaseField url={url} value={database} onChange={setDatabase} />
      <div className="field">
        <label htmlFor="connection-login">{t('connect.form.login')}</label>
        <input
          id="connection-login"
          value={login}
          required
          autoComplete="username"
          spellCheck={false}
          onChange={(e) => setLogin(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="connection-password">{t('connect.form.password')}</label>
        <input
          id="connection-password"
          type="password"
          value={password}
          autoComplete="new-password"
          onChange={(e) => setPassword(e.target.value)}
        />
        <p className="help">
          {editing?.passwordStored ? t('connect.form.passwordKeep') : t('connect.form.passwordHelp')}
        </p>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={rememberPassword} onChange={(e) => setRememberPassword(e.target.checked)} />
        {t('connect.form.remember')}
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {t('connect.form.save')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('connect.form.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
