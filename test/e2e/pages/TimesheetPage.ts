import type { Page } from 'playwright-core';
import { t as latvian, type Label } from '../harness/labels';
import { AppShell } from './AppShell';

/** A staff member's monthly timesheet (/hours/:staffId/:month) as a person reads it. */
export class TimesheetPage {
  constructor(
    private readonly page: Page,
    private readonly t: Label = latvian,
  ) {}

  async ready(): Promise<TimesheetPage> {
    await this.page.getByRole('heading', { name: this.t('hours:timesheet.title'), level: 1 }).waitFor();
    return this;
  }

  /** From the Today page's "my hours": the person's own month. */
  async openOwnFromToday(): Promise<TimesheetPage> {
    return (await new AppShell(this.page, this.t).today()).ownTimesheet();
  }

  get table() {
    return this.page.locator('table.timesheet-table');
  }

  downloadXlsx() {
    return this.page.getByRole('button', { name: this.t('hours:downloadXlsx') });
  }

  downloadCsv() {
    return this.page.getByRole('button', { name: this.t('hours:download') });
  }

  printButton() {
    return this.page.getByRole('button', { name: this.t('hours:timesheet.print') });
  }

  /** The session rows (not the day totals) as their cells' texts. */
  async sessionRows(): Promise<string[][]> {
    const rows = this.table.locator('tbody tr:not(.timesheet-table__day)');
    const count = await rows.count();
    const out: string[][] = [];
    for (let i = 0; i < count; i += 1) out.push(await rows.nth(i).locator('th, td').allInnerTexts());
    return out;
  }

  /** The month's total in minutes, as the footer gives it ("145 min"). */
  async totalMinutes(): Promise<number> {
    const text = await this.table.locator('.timesheet-table__total').innerText();
    return Number(/(\d+)\s*min/.exec(text)?.[1] ?? NaN);
  }
}
