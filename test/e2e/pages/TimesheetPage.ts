import type { Page } from 'playwright-core';

/** A staff member's monthly timesheet (/hours/:staffId/:month) as a person reads it. */
export class TimesheetPage {
  constructor(private readonly page: Page) {}

  /** From the Today page's "my hours": the person's own month. */
  async openOwnFromToday() {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Šodien' }).click();
    await this.page.getByRole('link', { name: 'Mēneša darba laika uzskaite' }).click();
    await this.page.getByRole('heading', { name: 'Darba laika uzskaite', level: 1 }).waitFor();
  }

  get table() {
    return this.page.locator('table.timesheet-table');
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
