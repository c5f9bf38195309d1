import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SchoolSemester } from '../../domain';
import type { NationalReportResponse } from '../../sync';
import { downloadBlob, xlsxBlob } from '../ui';
import { downloadText, reportCsv } from './csv';
import type { Formats } from './format';
import { nationalTrendReports, nationalTrendSection } from './nationalTrend';
import { ReportTables } from './ReportTables';
import { useNationalTrend } from './useNationalTrend';
import { reportWorkbook } from './workbook';

export interface NationalTrendProps {
  semester: SchoolSemester;
  /** The chosen semester's report, as shown above: the trend's last column. */
  report: NationalReportResponse;
  /** The lines above the file's table: the report's title, its semester, when its data are from. */
  heading: string[];
  fmt: Formats;
}

/**
 * The state's figures over the chosen semester and the ones before it, as a table and as CSV and XLSX (one sheet,
 * numbers as numbers), like a school's trend; the national report has no learner lists, so no sheet of them.
 */
export function NationalTrend({ semester, report, heading, fmt }: NationalTrendProps) {
  const { t } = useTranslation('reports');
  const earlier = useNationalTrend(semester, report.generatedAt);
  const section = useMemo(
    () =>
      earlier.status === 'ready'
        ? nationalTrendSection(nationalTrendReports([...earlier.reports, report]), t, fmt, report.threshold)
        : null,
    [earlier, report, t, fmt],
  );
  if (!section) return null;

  const fileName = `${t('national.trendFile')}-${semester.schoolYear.replace('/', '-')}-${semester.semester}`;
  async function downloadCsv() {
    if (section) downloadText(await reportCsv(heading, [section], fmt), `${fileName}.csv`);
  }
  async function downloadXlsx() {
    if (!section) return;
    const sheets = reportWorkbook({
      heading,
      sections: [section],
      learnerName: () => null,
      labels: {
        learners: t('xlsx.learners'),
        section: t('xlsx.section'),
        figure: t('xlsx.figure'),
        column: t('xlsx.column'),
        learner: t('xlsx.learner'),
        notShown: (count) => t('learnersNotShown', { count }),
      },
    });
    downloadBlob(await xlsxBlob(sheets), `${fileName}.xlsx`);
  }

  return (
    <>
      <div className="report__actions">
        <button type="button" className="button" onClick={() => void downloadCsv()}>
          {t('national.trendCsv')}
        </button>
        <button type="button" className="button" onClick={() => void downloadXlsx()}>
          {t('national.trendXlsx')}
        </button>
      </div>
      <ReportTables sections={[section]} fmt={fmt} learnerName={() => null} idPrefix="national" />
    </>
  );
}
