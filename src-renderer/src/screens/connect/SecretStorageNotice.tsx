// SS-9: when the OS offers no real keychain, passwords live in memory for this run
// only, and the user is told why (no encryption at all, or Linux's basic_text).
import { useTranslation } from 'react-i18next';
import type { SecretStorageMode } from '../../../../src-preload/contract';
import { Notice } from '../../components/ui';

export function SecretStorageNotice({ storage }: { storage: SecretStorageMode }) {
  const { t } = useTranslation();
  if (storage.mode !== 'memory-only') return null;
  return (
    <Notice tone="caution" role="note" aria-labelledby="secret-storage-title">
      <strong id="secret-storage-title">{t('connect.secretStorage.title')}</strong>
      <p>{storage.reason === 'basic_text' ? t('connect.secretStorage.basicText') : t('connect.secretStorage.unavailable')}</p>
    </Notice>
  );
}
