import { useTranslation } from 'react-i18next';
import type { Formats } from './format';
import { cellText, type Cell, type Section } from './sections';

export interface ReportTablesProps {
  sections: readonly Section[];
  fmt: Formats;
  /** The learner's name, or null when this person may not read it (or the learner is not on this device). */
  learnerName: (id: string) => string | null;
  /** Prefix of the tables' ids, so two reports on one page (a municipality and a school) stay apart. */
  idPrefix: string;
}

// Numeric: "Audzēknis2" before "Audzēknis10".
const latvianCollator = new Intl.Collator('lv', { numeric: true });

/** A count with learners behind it opens their names (for those allowed to read them); other cells are plain. */
function FigureCell({
  cell,
  fmt,
  learnerName,
}: {
  cell: Cell;
  fmt: Formats;
  learnerName: ReportTablesProps['learnerName'];
}) {
  const { t } = useTranslation('reports');
  const value = cellText(cell, fmt);
  if (cell.kind !== 'count' || cell.figure.idsOf !== 'learners' || cell.figure.count === 0) return <>{value}</>;
  const names = cell.figure.ids.map(learnerName).filter((n): n is string => n !== null);
  if (names.length === 0) return <>{value}</>;
  const hidden = cell.figure.count - names.length;
  return (
    <details className="report-learners">
      <summary>
        <span>{value}</span>
        <span className="visually-hidden"> {t('learnersBehind')}</span>
      </summary>
      <ul>
        {names.sort(latvianCollator.compare).map((name, i) => (
          <li key={`${name}-${i}`}>{name}</li>
        ))}
      </ul>
      {hidden > 0 ? <p className="report-learners__hidden">{t('learnersNotShown', { count: hidden })}</p> : null}
    </details>
  );
}

/** Every section as an accessible table: a caption, column and row headers. */
export function ReportTables({ sections, fmt, learnerName, idPrefix }: ReportTablesProps) {
  return (
    <>
      {sections.map((section) => (
        <section key={section.id} className="report-section" aria-labelledby={`${idPrefix}-${section.id}`}>
          <table className="report-table">
            <caption id={`${idPrefix}-${section.id}`}>{section.title}</caption>
            <thead>
              <tr>
                <td />
                {section.columns.map((column) => (
                  <th key={column} scope="col" className="report-table__number">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {section.rows.map((row, r) => (
                <tr key={`${row.label}-${r}`}>
                  <th scope="row">{row.label}</th>
                  {row.cells.map((cell, c) => (
                    <td key={c} className="report-table__number">
                      <FigureCell cell={cell} fmt={fmt} learnerName={learnerName} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {section.note ? <p className="report-section__note">{section.note}</p> : null}
        </section>
      ))}
    </>
  );
}
