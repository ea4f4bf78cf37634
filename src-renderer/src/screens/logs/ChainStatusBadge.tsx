// Whether the audit still verifies: green with how many events and records were
// checked, or red naming the first thing that does not hold and why — an event of the
// hash chain, one of this console's records (changed, deleted, or never written by
// it), or the store's own protections. A record is reported exactly as an event is.
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Button } from '../../components/ui';
import { useLogs } from '../../stores/logs-store';
import type { TFunction } from 'i18next';
import type { ChainStatus } from '../../../../src-preload/contract';
import { chainBreakLabel } from './labels';

export function ChainStatusBadge() {
  const { t, i18n } = useTranslation();
  const chain = useLogs((state) => state.chain);
  const error = useLogs((state) => state.chainError);
  const verifying = useLogs((state) => state.verifying);
  const verify = useLogs((state) => state.verify);
  const number = new Intl.NumberFormat(i18n.language);

  let text = t('logs.chain.verifying');
  let tone = 'pending';
  if (chain && !verifying) {
    tone = chain.ok ? 'ok' : 'broken';
    text = chain.ok ? t('logs.chain.verified', { events: number.format(chain.checked), records: number.format(chain.records) }) : brokenText(t, chain);
  }
  return (
    <div className="logs-chain">
      <p role="status" className={`chain-status chain-${tone}`}>
        <span aria-hidden="true">{tone === 'ok' ? '✔ ' : tone === 'broken' ? '✖ ' : ''}</span>
        {error ? t('logs.chain.unknown') : text}
      </p>
      <Button size="sm" onClick={() => void verify()} busy={verifying}>
        {t('logs.chain.verifyAgain')}
      </Button>
      <ErrorMessage error={error} />
    </div>
  );
}

function brokenText(t: TFunction, chain: ChainStatus): string {
  const broken = chain.firstBroken;
  const reason = chainBreakLabel(t, broken?.reason ?? '?');
  if (broken?.record != null) return t('logs.chain.brokenRecord', { record: broken.record, reason });
  if (!broken || broken.id === 0) return t('logs.chain.brokenStore', { reason });
  return t('logs.chain.broken', { id: broken.id, reason });
}
