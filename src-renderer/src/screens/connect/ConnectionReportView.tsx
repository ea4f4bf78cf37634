// What Test connection / Connect found: one line per requirement, then each missing
// piece as main phrased it (translated, saying what to do on the server). Right after
// the user asked, focus moves to the verdict, so that it is heard as well as seen.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BaseUrlReport, ConnectionReport } from '../../../../src-preload/contract';

type CheckState = 'ok' | 'missing' | 'info';

const TWO_FACTOR_KEYS = { on: 'connect.check.twoFactorOn', off: 'connect.check.twoFactorOff', unavailable: 'connect.check.twoFactorUnavailable' } as const;

/** web.base.url: frozen (nothing moves it), steady (where the console's sign-ins put it), or moving. */
function baseUrlLine(baseUrl: BaseUrlReport): { state: CheckState; key: string } {
  if (baseUrl.frozen) return { state: 'ok', key: 'connect.check.baseUrlFrozen' };
  return { state: 'info', key: baseUrl.warning ? 'connect.check.baseUrlMoves' : 'connect.check.baseUrlSteady' };
}

function CheckLine({ state, label }: { state: CheckState; label: string }) {
  const { t } = useTranslation();
  return (
    <li className={`check check-${state}`} data-state={state}>
      <span className="check-mark" aria-hidden="true">
        {state === 'ok' ? '✓' : state === 'missing' ? '✗' : 'i'}
      </span>
      <span>{label}</span>
      <span className="visually-hidden">{t(`connect.check.state.${state}`)}</span>
    </li>
  );
}

interface ConnectionReportViewProps {
  report: ConnectionReport;
  task: 'test' | 'connect';
  /** The user just asked for this report (not a report main had from before). */
  announce: boolean;
}

export function ConnectionReportView({ report, task, announce }: ConnectionReportViewProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (announce) heading.current?.focus();
  }, [announce, report]);
  const titleId = 'connection-report-title';
  return (
    <section className="connection-report" aria-labelledby={titleId}>
      <h3 id={titleId} ref={heading} tabIndex={-1} className={report.ok ? 'report-verdict report-ok' : 'report-verdict report-failed'}>
        {report.ok ? t(`connect.report.ok.${task}`) : t(`connect.report.failed.${task}`)}
      </h3>
      <ul className="checks" aria-label={t('connect.report.checks')}>
        <CheckLine
          state={report.serverVersion ? 'ok' : 'missing'}
          label={
            report.serverVersion
              ? t('connect.check.version', { version: report.serverVersion })
              : t('connect.check.versionUnknown')
          }
        />
        <CheckLine state={report.moduleInstalled ? 'ok' : 'missing'} label={t('connect.check.module')} />
        <CheckLine state={report.isSystemAdmin ? 'ok' : 'missing'} label={t('connect.check.systemAdmin')} />
        <CheckLine state={report.inImpersonationGroup ? 'ok' : 'missing'} label={t('connect.check.group')} />
        {/* Odoo 17 has no device log: the console works without it, with less detail and no crash revocation. */}
        <CheckLine
          state={report.capabilities.serverSeenIp ? 'ok' : 'info'}
          label={report.capabilities.serverSeenIp ? t('connect.check.serverIp') : t('connect.check.noServerIp')}
        />
        <CheckLine
          state={report.capabilities.revokeOrphans ? 'ok' : 'info'}
          label={report.capabilities.revokeOrphans ? t('connect.check.revokeOrphans') : t('connect.check.noRevokeOrphans')}
        />
        <CheckLine state="info" label={t(TWO_FACTOR_KEYS[report.twoFactor])} />
        {report.baseUrl && (
          <CheckLine state={baseUrlLine(report.baseUrl).state} label={t(baseUrlLine(report.baseUrl).key, { value: report.baseUrl.value ?? '' })} />
        )}
      </ul>
      {report.admin && (
        <p className="report-admin">{t('connect.report.admin', { name: report.admin.name, login: report.admin.login })}</p>
      )}
      {report.problems.length > 0 && (
        <ul className="problems" aria-label={t('connect.report.problems')}>
          {report.problems.map((problem, index) => (
            <li key={`${problem.key}-${index}`}>{t(problem.key, problem.params)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
