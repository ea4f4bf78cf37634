// Whether the audit events' hash chain still verifies: green with how many
// events were checked, or red naming the first broken event and why.
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Button } from '../../components/ui';
import { useLogs } from '../../stores/logs-store';
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
    text = chain.ok
      ? t('logs.chain.verified', { events: number.format(chain.checked) })
      : t('logs.chain.broken', {
          id: chain.firstBroken?.id ?? '?',
          reason: chainBreakLabel(t, chain.firstBroken?.reason ?? '?'),
        });
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
