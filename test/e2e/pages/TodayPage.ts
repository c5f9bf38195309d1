import type { Page } from 'playwright-core';
import { t as latvian, type Label } from '../harness/labels';
import { AppShell } from './AppShell';
import { TimesheetPage } from './TimesheetPage';

/** The Today screen: the quick log, the sessions due, and the way to one's own timesheet. */
export class TodayPage {
  constructor(
    private readonly page: Page,
    private readonly t: Label = latvian,
  ) {}

  get nav(): AppShell {
    return new AppShell(this.page, this.t);
  }

  async ready(): Promise<TodayPage> {
    await this.page
      .getByRole('heading', { name: this.t('consultations:today.title'), level: 1, exact: true })
      .waitFor();
    return this;
  }

  /** The quick log's button. */
  logButton() {
    return this.page.getByRole('button', { name: this.t('consultations:today.log') });
  }

  /** "My hours" → the person's own month. */
  async ownTimesheet(): Promise<TimesheetPage> {
    await this.page.getByRole('link', { name: this.t('hours:timesheet.linkOwn') }).click();
    return new TimesheetPage(this.page, this.t).ready();
  }
}
