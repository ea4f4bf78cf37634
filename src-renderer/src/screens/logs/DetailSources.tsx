// Where one impersonation is known, in full (AU-8): this console's audit chain, a
// console's entry on the server, Odoo's impersonation log — each present or not — what
// they say together, and what "server confirms" does and does not mean.
import { useTranslation } from 'react-i18next';
import type { AuditDetail } from '../../../../src-preload/contract';
import { differencesText } from './labels';

export function DetailSources({ detail }: { detail: AuditDetail }) {
  const { t } = useTranslation();
  const { provenance } = detail;
  const sources: Array<[boolean, string]> = [
    [provenance.recordedHere, t('logs.detail.sourceHere')],
    [provenance.consoleEntry, t('logs.detail.sourceConsole')],
    [provenance.odooLog, t('logs.detail.sourceOdoo')],
  ];
  const agreement =
    provenance.agreement === 'confirms'
      ? t(provenance.recordedHere ? 'logs.detail.agreement_confirms' : 'logs.detail.agreement_confirmsServer')
      : provenance.agreement === 'differs'
        ? t('logs.detail.agreement_differs', { differences: differencesText(t, provenance.differences) })
        : provenance.agreement === 'pending'
          ? t('logs.detail.agreement_pending')
          : null;
  return (
    <section className="logs-detail-sources" aria-labelledby="logs-detail-sources">
      <h3 id="logs-detail-sources">{t('logs.detail.sources')}</h3>
      <ul className="logs-sources">
        {sources
          .filter(([present]) => present)
          .map(([, label]) => (
            <li key={label}>{label}</li>
          ))}
        {provenance.outsideConsole && <li>{t('logs.detail.sourceOutside')}</li>}
      </ul>
      {agreement && <p className={`logs-agreement agreement-${provenance.agreement}`}>{agreement}</p>}
      {(provenance.consoleEntry || provenance.odooLog) && <p className="help logs-agreement-note">{t('logs.detail.agreementNote')}</p>}
    </section>
  );
}
