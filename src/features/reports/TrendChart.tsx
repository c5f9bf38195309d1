import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar, Line } from '@visx/shape';
import { useTranslation } from 'react-i18next';
import type { SemesterFigures } from '../../domain';
import { ChartFigure, FONT, Legend, MIX } from './ChartFigure';
import type { Formats } from './format';
import { semesterShort } from './trendSections';

/** Learners supported per semester, each bar split by the kind of support. */
export function TrendChart({ trend, fmt }: { trend: readonly SemesterFigures[]; fmt: Formats }) {
  const { t } = useTranslation('reports');
  const summary = trend
    .map(
      (f) =>
        `${semesterShort(f.semester, t)}: ${t('reports:row.learnersSupported')} ${fmt.count(f.support.learnersSupported.count)}, ${t('reports:row.plansMade')} ${fmt.count(f.plans.made.count)}`,
    )
    .join('; ');
  const height = 200;
  const bottom = FONT + 8;
  const topPad = FONT + 6;
  const max = Math.max(1, ...trend.map((f) => f.support.learnersSupported.count));
  const keys = trend.map((f) => `${f.semester.schoolYear}-${f.semester.semester}`);
  return (
    <ChartFigure
      id="trend"
      title={t('reports:chart.trend')}
      summary={summary}
      legend={<Legend items={MIX.map((k) => ({ key: k, label: t(`reports:row.${k}`) }))} />}
    >
      {(width) => {
        const x = scaleBand({ domain: keys, range: [0, width], padding: 0.3 });
        const y = scaleLinear({ domain: [0, max], range: [0, height - bottom - topPad] });
        return (
          <svg width="100%" height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
            {trend.map((f, i) => {
              const left = x(keys[i] ?? '') ?? 0;
              let base = height - bottom;
              return (
                <Group key={keys[i]}>
                  {MIX.map((k) => {
                    const h = y(f.support[k].count);
                    base -= h;
                    return (
                      <Bar
                        key={k}
                        x={left}
                        y={base}
                        width={x.bandwidth()}
                        height={h}
                        className={`report-chart__fill--${k}`}
                      />
                    );
                  })}
                  <text
                    x={left + x.bandwidth() / 2}
                    y={base - 4}
                    fontSize={FONT}
                    textAnchor="middle"
                    className="report-chart__label"
                  >
                    {fmt.count(f.support.learnersSupported.count)}
                  </text>
                  <text
                    x={left + x.bandwidth() / 2}
                    y={height - 2}
                    fontSize={FONT}
                    textAnchor="middle"
                    className="report-chart__label"
                  >
                    {semesterShort(f.semester, t)}
                  </text>
                </Group>
              );
            })}
            <Line
              from={{ x: 0, y: height - bottom }}
              to={{ x: width, y: height - bottom }}
              className="report-chart__axis"
            />
          </svg>
        );
      }}
    </ChartFigure>
  );
}
