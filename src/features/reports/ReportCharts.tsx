/**
 * The report's charts (issue 11: "charts where people would rather look than read"). This module and visx, its chart
 * library, are loaded only on the reports screen (ReportView imports it with `lazy`), so the first visit's JavaScript
 * does not grow. Each chart is SVG drawn at the width it is shown at (text stays its size on a phone), inside a
 * <figure> with a caption; the picture is `role="img"` with its numbers in words as its name (the SVG itself hidden from
 * screen readers), and the table it draws stays below for reading each figure and opening the learners behind it.
 */
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import { useTranslation } from 'react-i18next';
import type { SemesterFigures } from '../../domain';
import type { Formats } from './format';
import { ChartFigure, FONT, Legend, MIX, type Mix } from './ChartFigure';
import { TrendChart } from './TrendChart';

export interface ReportChartsProps {
  total: SemesterFigures;
  /** A municipality's schools, each with its figures; absent for one school's report. */
  schools?: readonly { name: string; figures: SemesterFigures }[];
  /** The semesters side by side, oldest first (the chosen one last). */
  trend: readonly SemesterFigures[];
  fmt: Formats;
}

/** Consultations only, economic support only, both: one 100 % bar per school and one for the total. */
function SupportMixChart({ rows, fmt }: { rows: { name: string; figures: SemesterFigures }[]; fmt: Formats }) {
  const { t } = useTranslation('reports');
  const label = (k: Mix) => t(`reports:row.${k}`);
  const summary = rows
    .map((r) => `${r.name}: ${MIX.map((k) => `${label(k)} ${fmt.percent(r.figures.support[k].share)}`).join(', ')}`)
    .join('; ');
  const bar = 28;
  const gap = FONT * 2 + 6;
  const height = rows.length * (bar + gap);
  return (
    <ChartFigure
      id="supportMix"
      title={t('reports:chart.supportMix')}
      summary={summary}
      legend={<Legend items={MIX.map((k) => ({ key: k, label: label(k) }))} />}
    >
      {(width) => {
        const x = scaleLinear({ domain: [0, 1], range: [0, width] });
        return (
          <svg width="100%" height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
            {rows.map((r, i) => {
              const top = i * (bar + gap);
              let from = 0;
              return (
                <Group key={r.name} top={top}>
                  <text y={FONT} fontSize={FONT} className="report-chart__label">
                    {r.name} · {fmt.count(r.figures.support.learnersSupported.count)}
                  </text>
                  {MIX.map((k) => {
                    const share = r.figures.support[k].share ?? 0;
                    const left = x(from);
                    from += share;
                    const w = x(share);
                    return (
                      <Group key={k} left={left} top={FONT + 6}>
                        <Bar width={w} height={bar} className={`report-chart__fill--${k}`} />
                        {w > 40 ? (
                          <text
                            x={w / 2}
                            y={bar / 2 + FONT / 2 - 1}
                            fontSize={FONT}
                            textAnchor="middle"
                            className="report-chart__on-bar"
                          >
                            {fmt.percent(share)}
                          </text>
                        ) : null}
                      </Group>
                    );
                  })}
                </Group>
              );
            })}
          </svg>
        );
      }}
    </ChartFigure>
  );
}

/** Plans by delivered share in bands of ten points, the target marked: how many reach it, how far the rest are. */
function DeliveryChart({ figures, fmt }: { figures: SemesterFigures; fmt: Formats }) {
  const { t } = useTranslation('reports');
  const { bands, target, meetsTarget, belowTarget } = figures.delivery;
  const band = (b: (typeof bands)[number]) => `${fmt.percent(b.from)}–${fmt.percent(b.to)}`;
  const summary = [
    t('reports:chart.deliverySummary', {
      target: fmt.percent(target),
      meets: fmt.count(meetsTarget.count),
      below: fmt.count(belowTarget.count),
    }),
    ...bands.filter((b) => b.plans.count > 0).map((b) => `${band(b)}: ${fmt.count(b.plans.count)}`),
  ].join('; ');
  const height = 180;
  const bottom = FONT + 8;
  const topPad = FONT + 4;
  const max = Math.max(1, ...bands.map((b) => b.plans.count));
  return (
    <ChartFigure
      id="delivery"
      title={t('reports:chart.delivery', { target: fmt.percent(target) })}
      summary={summary}
      legend={
        <Legend
          items={[
            {
              key: 'meets',
              label: t('reports:row.meetsTarget', { target: fmt.percent(target) }),
              value: fmt.count(meetsTarget.count),
            },
            {
              key: 'below',
              label: t('reports:row.belowTarget', { target: fmt.percent(target) }),
              value: fmt.count(belowTarget.count),
            },
          ]}
        />
      }
    >
      {(width) => {
        const x = scaleBand({ domain: bands.map((b) => b.from), range: [0, width], padding: 0.15 });
        const y = scaleLinear({ domain: [0, max], range: [height - bottom, topPad] });
        const targetX = width * target;
        return (
          <svg width="100%" height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
            {bands.map((b) => {
              const left = x(b.from) ?? 0;
              const top = y(b.plans.count);
              const meets = b.from >= target - 1e-9;
              return (
                <Group key={b.from}>
                  <Bar
                    x={left}
                    y={top}
                    width={x.bandwidth()}
                    height={height - bottom - top}
                    className={meets ? 'report-chart__fill--meets' : 'report-chart__fill--below'}
                  />
                  {b.plans.count > 0 ? (
                    <text
                      x={left + x.bandwidth() / 2}
                      y={top - 3}
                      fontSize={FONT}
                      textAnchor="middle"
                      className="report-chart__label"
                    >
                      {fmt.count(b.plans.count)}
                    </text>
                  ) : null}
                </Group>
              );
            })}
            <Line
              from={{ x: 0, y: height - bottom }}
              to={{ x: width, y: height - bottom }}
              className="report-chart__axis"
            />
            <Line
              from={{ x: targetX, y: topPad - 4 }}
              to={{ x: targetX, y: height - bottom }}
              className="report-chart__target"
            />
            {[0, 0.5, 1].map((v) => (
              <text
                key={v}
                x={width * v}
                y={height - 2}
                fontSize={FONT}
                textAnchor={v === 0 ? 'start' : v === 1 ? 'end' : 'middle'}
                className="report-chart__label"
              >
                {fmt.percent(v)}
              </text>
            ))}
          </svg>
        );
      }}
    </ChartFigure>
  );
}

/** Outcomes at evaluation as shares of the plans evaluated, one bar each. */
function OutcomesChart({ figures, fmt }: { figures: SemesterFigures; fmt: Formats }) {
  const { t } = useTranslation(['reports', 'plans']);
  const entries = Object.entries(figures.outcomes.byOutcome);
  const name = (code: string) => t(`plans:evaluation.outcomes.${code}`, code);
  const summary = [
    `${t('reports:row.evaluated')}: ${fmt.count(figures.outcomes.evaluated.count)}`,
    ...entries.map(([code, f]) => `${name(code)} ${fmt.count(f.count)} (${fmt.percent(f.share)})`),
  ].join('; ');
  const bar = 16;
  const step = bar + FONT + 10;
  const height = entries.length * step;
  return (
    <ChartFigure id="outcomes" title={t('reports:chart.outcomes')} summary={summary}>
      {(width) => {
        const valueRoom = 80;
        const x = scaleLinear({ domain: [0, 1], range: [0, Math.max(10, width - valueRoom)] });
        return (
          <svg width="100%" height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
            {entries.map(([code, f], i) => (
              <Group key={code} top={i * step}>
                <text y={FONT} fontSize={FONT} className="report-chart__label">
                  {name(code)}
                </text>
                <Bar
                  y={FONT + 4}
                  width={Math.max(1, x(f.share ?? 0))}
                  height={bar}
                  className={`report-chart__fill--outcome-${code}`}
                />
                <text
                  x={x(f.share ?? 0) + 6}
                  y={FONT + 4 + bar / 2 + FONT / 2 - 1}
                  fontSize={FONT}
                  className="report-chart__label"
                >
                  {`${fmt.count(f.count)} (${fmt.percent(f.share)})`}
                </text>
              </Group>
            ))}
          </svg>
        );
      }}
    </ChartFigure>
  );
}

export default function ReportCharts({ total, schools, trend, fmt }: ReportChartsProps) {
  const { t } = useTranslation('reports');
  const mixRows = [
    ...(schools ?? []),
    ...(schools
      ? [{ name: t('reports:row.total'), figures: total }]
      : [{ name: t('reports:row.learnersSupported'), figures: total }]),
  ];
  return (
    <section className="report-charts" aria-label={t('reports:chart.title')}>
      {total.support.learnersSupported.count > 0 ? <SupportMixChart rows={mixRows} fmt={fmt} /> : null}
      {total.delivery.measured.count > 0 ? <DeliveryChart figures={total} fmt={fmt} /> : null}
      {total.outcomes.evaluated.count > 0 ? <OutcomesChart figures={total} fmt={fmt} /> : null}
      {trend.length > 1 ? <TrendChart trend={trend} fmt={fmt} /> : null}
    </section>
  );
}
