import type { Page } from 'playwright-core';
import { t as latvian, type Label } from '../harness/labels';
import { AppShell } from './AppShell';

/** One learner's page (/learners/:id): their details, plan, people and consultations. */
export class LearnerPage {
  constructor(
    private readonly page: Page,
    private readonly t: Label = latvian,
  ) {}

  get nav(): AppShell {
    return new AppShell(this.page, this.t);
  }

  /** Waits for the learner's name as the page's heading ("Name Surname"). */
  async ready(fullName: string): Promise<LearnerPage> {
    await this.page.getByRole('heading', { level: 1, name: fullName }).waitFor();
    return this;
  }

  /** Edits the class from the learner's form and saves. */
  async setClass(className: string) {
    await this.page.getByLabel(this.t('learners:fields.className'), { exact: true }).fill(className);
    await this.page.getByRole('button', { name: this.t('common:actions.save'), exact: true }).click();
  }

  /** The form's "fill this in" messages. */
  required() {
    return this.page.getByText(this.t('common:validation.required'));
  }
}
