// Impersonations per day, stacked per admin, in plain SVG. Screen readers get
// a one-sentence summary (role=img) and the numbers as a visually hidden table.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useLogs } from '../../stores/logs-store';
import { adminColour, labelledDays, stackDays } from './chart-layout';
import { chartWindow } from '../../stores/log-filters';
import { formatDay } from './log-format';

const WIDTH = 720;
const HEIGHT = 180;
const PLOT = { left: 32, right: 8, top: 10, bottom: 24 };

export function SessionsChart() {
  const { t, i18n } = useTranslation();
  const filters = useLogs((state) => state.filters);
  const stats = useLogs((state) => state.stats);
  const statsError = useLogs((state) => state.statsError);
  const loadStats = useLogs((state) => state.loadStats);
  const language = i18n.language;

  const range = useMemo(() => chartWindow(filters, Date.now()), [filters]);
  useEffect(() => {
    void loadStats(range);
  }, [loadStats, range]);

  const data = useMemo(() => (stats ? stackDays(stats, range) : null), [stats, range]);
  const number = new Intl.NumberFormat(language);
  const label = { from: formatDay(range.from, language), to: formatDay(range.to, language) };

  let summary = t('logs.chart.loading');
  if (data && data.total === 0) summary = t('logs.chart.summaryEmpty', label);
  if (data && data.busiest) {
    summary = t('logs.chart.summary', {
      ...label,
      total: number.format(data.total),
      admins: data.admins.join(', '),
      busiestDay: formatDay(data.busiest.day, language),
      busiestCount: number.format(data.busiest.total),
    });
  }

  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const slot = data && data.days.length > 0 ? plotWidth / data.days.length : plotWidth;
  const barWidth = Math.max(1, slot * 0.7);
  const scale = data && data.max > 0 ? plotHeight / data.max : 0;
  const labels = labelledDays(data?.days.length ?? 0);

  return (
    <section className="logs-chart" aria-labelledby="logs-chart-title">
      <h2 id="logs-chart-title">{t('logs.chart.title')}</h2>
      <p className="help">{t('logs.chart.help')}</p>
      <figure>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} className="logs-chart-svg">
          <line x1={PLOT.left} x2={WIDTH - PLOT.right} y1={PLOT.top + plotHeight} y2={PLOT.top + plotHeight} className="axis" />
          {data && data.max > 0 && (
            <>
              <text x={PLOT.left - 6} y={PLOT.top + 4} className="tick" textAnchor="end">
                {number.format(data.max)}
              </text>
              <text x={PLOT.left - 6} y={PLOT.top + plotHeight} className="tick" textAnchor="end">
                0
              </text>
            </>
          )}
          {data?.days.map((day, index) => {
            const x = PLOT.left + index * slot + (slot - barWidth) / 2;
            return (
              <g key={day.day}>
                {day.segments.map((segment) => (
                  <rect
                    key={segment.admin}
                    x={x}
                    width={barWidth}
                    y={PLOT.top + plotHeight - (segment.below + segment.count) * scale}
                    height={segment.count * scale}
                    fill={adminColour(data.admins.indexOf(segment.admin))}
                  >
                    <title>{`${formatDay(day.day, language)} · ${segment.admin}: ${number.format(segment.count)}`}</title>
                  </rect>
                ))}
                {labels.has(index) && (
                  <text x={x + barWidth / 2} y={HEIGHT - 6} className="tick" textAnchor="middle">
                    {formatDay(day.day, language)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
        {data && data.admins.length > 0 && (
          <figcaption>
            <ul className="logs-legend" aria-label={t('logs.chart.legend')}>
              {data.admins.map((admin, index) => (
                <li key={admin}>
                  <span className="swatch" style={{ background: adminColour(index) }} aria-hidden="true" />
                  {admin}
                </li>
              ))}
            </ul>
          </figcaption>
        )}
      </figure>
      {data && data.total > 0 && (
        <table className="visually-hidden">
          <caption>{t('logs.chart.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('logs.chart.day')}</th>
              <th scope="col">{t('logs.column.admin')}</th>
              <th scope="col">{t('logs.chart.sessions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.days.flatMap((day) =>
              day.segments.map((segment) => (
                <tr key={`${day.day}-${segment.admin}`}>
                  <td>{formatDay(day.day, language)}</td>
                  <td>{segment.admin}</td>
                  <td>{number.format(segment.count)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      <ErrorMessage error={statsError} />
    </section>
  );
}
