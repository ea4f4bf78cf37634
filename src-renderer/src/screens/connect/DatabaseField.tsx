// The database field: a select when the server lists its databases, a text field
// when it does not (list_db disabled answers AccessDenied: main answers null).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { consoleApi } from '../../api';
import { Field } from '../../components/ui';

const LOOKUP_DELAY_MS = 400;

type Lookup = { url: string; databases: string[] | null };

function looksLikeServerUrl(url: string): boolean {
  return /^https?:\/\/[^/\s]+/i.test(url.trim());
}

interface DatabaseFieldProps {
  url: string;
  value: string;
  error?: string;
  onChange(value: string): void;
}

export function DatabaseField({ url, value, error, onChange }: DatabaseFieldProps) {
  const { t } = useTranslation();
  const [lookup, setLookup] = useState<Lookup | null>(null);

  useEffect(() => {
    if (!looksLikeServerUrl(url)) return;
    let current = true;
    // Waits for typing to pause; a later URL's answer replaces an earlier one's.
    const timer = setTimeout(() => {
      consoleApi()
        .connections.databases({ url })
        .then(
          (answer) => current && setLookup({ url, databases: answer.databases }),
          () => current && setLookup({ url, databases: null }),
        );
    }, LOOKUP_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [url]);

  const databases = lookup?.url === url ? lookup.databases : null;
  const listed = databases !== null && databases.length > 0;
  const options = listed && value && !databases.includes(value) ? [value, ...databases] : databases;

  return (
    <Field
      id="connection-database"
      label={t('connect.form.database')}
      help={listed ? t('connect.form.databaseListed') : t('connect.form.databaseTyped')}
      error={error}
    >
      {(control) =>
        listed ? (
          <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
            <option value="" disabled>
              {t('connect.form.chooseDatabase')}
            </option>
            {options!.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...control}
            type="text"
            value={value}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </Field>
  );
}
