import type { ReactNode } from 'react';
import { useWidth } from './useWidth';

/** The kinds of support a learner supported had, in the order the report lists them. */
export const MIX = ['consultationsOnly', 'economicOnly', 'both'] as const;
export type Mix = (typeof MIX)[number];
/** The charts' text, in CSS pixels: each SVG is drawn at its shown width, so this is the size read. */
export const FONT = 13;

interface ChartFigureProps {
  id: string;
  title: string;
  /** The chart's numbers in words: what a screen reader says for the picture. */
  summary: string;
  legend?: ReactNode;
  /** The SVG at this width in CSS pixels. */
  children: (width: number) => ReactNode;
}

/** A chart as a figure: its caption, the picture with its numbers in words, and a legend. */
export function ChartFigure({ id, title, summary, legend, children }: ChartFigureProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  return (
    <figure className="report-chart" data-chart={id}>
      <figcaption className="report-chart__title">{title}</figcaption>
      <div ref={ref} className="report-chart__body" role="img" aria-label={summary}>
        {children(width)}
      </div>
      {legend}
    </figure>
  );
}

/** The colours' meaning, beside the picture (hidden from screen readers: the summary says it all). */
export function Legend({ items }: { items: { key: string; label: string; value?: string }[] }) {
  return (
    <ul className="report-chart__legend" aria-hidden="true">
      {items.map((i) => (
        <li key={i.key}>
          <span className={`report-chart__swatch report-chart__fill--${i.key}`} />
          {i.label}
          {i.value ? <strong> {i.value}</strong> : null}
        </li>
      ))}
    </ul>
  );
}
