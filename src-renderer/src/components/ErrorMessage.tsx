// Says what went wrong in the user's language, from the typed error main sent.
import { useTranslation } from 'react-i18next';
import { ConsoleCallError } from '../../../src-preload/renderer-invokers';

export function errorMessageKey(error: unknown): { key: string; params?: Record<string, string | number> } {
  if (error instanceof ConsoleCallError) return { key: error.key, params: error.params };
  return { key: 'errors.unknown', params: { message: error instanceof Error ? error.message : String(error) } };
}

export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const { key, params } = errorMessageKey(error);
  return (
    <p className="error-message" role="alert">
      {t(key, params)}
    </p>
  );
}
