/**
 * A bench figure and its budget. Most figures sit next to a floor — the same work done plainly in the same run — and
 * are judged by their ratio to it, so a slower or busier machine moves both alike. A few (bundle size, a pure
 * computation, error counts) have no such floor and are judged by their value.
 */
export type Budget =
  /** measured / floor may be at most this. */
  | { ratio: number }
  /** measured may be at most this, in the figure's unit (the floor, when given, is printed for comparison). */
  | { value: number }
  /** measured must be at least this, in the figure's unit (a score, where more is better). */
  | { atLeast: number };

export interface Figure {
  what: string;
  measured: number;
  unit: string;
  floor?: { what: string; value: number };
  budget: Budget;
  /** Where the budget comes from, e.g. "issue 14: ≥ ×0.6 of plain POST's rate". */
  goal?: string;
}

export interface BenchResult {
  name: string;
  /** What was measured and how (sizes, storage), printed above the figures. */
  context: string[];
  figures: Figure[];
}

export function ratioOf(figure: Figure): number | undefined {
  return figure.floor ? figure.measured / figure.floor.value : undefined;
}

export function withinBudget(figure: Figure): boolean {
  if ('ratio' in figure.budget) {
    const ratio = ratioOf(figure);
    return ratio !== undefined && Number.isFinite(ratio) && ratio <= figure.budget.ratio;
  }
  if ('atLeast' in figure.budget) return figure.measured >= figure.budget.atLeast;
  return figure.measured <= figure.budget.value;
}

const amount = (value: number, unit: string) =>
  `${value.toLocaleString('en', { maximumFractionDigits: value < 100 ? 1 : 0 })} ${unit}`;

/** `✖ push: 3,804 ms / plain JSON POST 330 ms = ×11.53 (budget ≤ ×1.67; issue 14: …)` */
export function formatFigure(figure: Figure): string {
  const mark = withinBudget(figure) ? '✓' : '✖ MISSED';
  const ratio = ratioOf(figure);
  const floor = figure.floor ? ` / ${figure.floor.what} ${amount(figure.floor.value, figure.unit)}` : '';
  const equals = ratio === undefined ? '' : ` = ×${ratio.toFixed(2)}`;
  const budget =
    'ratio' in figure.budget
      ? `≤ ×${figure.budget.ratio.toFixed(2)}`
      : 'atLeast' in figure.budget
        ? `≥ ${amount(figure.budget.atLeast, figure.unit)}`
        : `≤ ${amount(figure.budget.value, figure.unit)}`;
  const goal = figure.goal ? `; ${figure.goal}` : '';
  return `${mark} ${figure.what}: ${amount(figure.measured, figure.unit)}${floor}${equals} (budget ${budget}${goal})`;
}
