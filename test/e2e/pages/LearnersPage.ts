import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { t as latvian, type Label } from '../harness/labels';
import { AppShell } from './AppShell';
import { LearnerPage } from './LearnerPage';

/** The learner screens as a person uses them: by visible labels, in the language shown (Latvian unless told). */
export class LearnersPage {
  constructor(
    private readonly page: Page,
    private readonly t: Label = latvian,
  ) {}

  /** The navigation, top bar and language switch around this screen. */
  get nav(): AppShell {
    return new AppShell(this.page, this.t);
  }

  heading() {
    return this.page.getByRole('heading', { name: this.t('learners:title'), level: 1 });
  }

  async open(baseUrl: string): Promise<LearnersPage> {
    await this.page.goto(`${baseUrl}/learners`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
    return this;
  }

  /** Waits for the list's heading (and, with `rows`, for more rows than that: the first sync has come). */
  async ready(options: { rows?: number; timeout?: number } = {}): Promise<LearnersPage> {
    const timeout = options.timeout ?? 30_000;
    await this.heading().waitFor({ timeout });
    if (options.rows !== undefined) {
      const more = options.rows;
      await expect.poll(() => this.rows().count(), { timeout }).toBeGreaterThan(more);
    }
    return this;
  }

  rows() {
    return this.page.locator('.learner-row');
  }

  row(name: string) {
    return this.rows().filter({ hasText: name });
  }

  /** The name of the learner in the first row, as the list shows it ("Surname Name"). */
  async firstName(): Promise<string> {
    return (await this.rows().first().locator('.learner-row__name').innerText()).trim();
  }

  async search(text: string) {
    await this.page.getByLabel(this.t('learners:search')).fill(text);
  }

  async filterClass(className: string) {
    await this.page.getByLabel(this.t('learners:classFilter'), { exact: true }).selectOption(className);
  }

  /** A person who works in more than one school picks the one the list shows. */
  async chooseSchool(name: string) {
    await this.page.getByLabel(this.t('common:school.label')).selectOption({ label: name });
  }

  /** Opens a learner's page from their row ("Surname Name"). */
  async openLearner(name: string): Promise<LearnerPage> {
    await this.row(name).first().getByRole('link').click();
    return new LearnerPage(this.page, this.t);
  }

  async addLearner(fields: { firstName: string; lastName: string; className: string }) {
    await this.page.getByRole('link', { name: this.t('learners:add') }).click();
    await this.page.getByLabel(this.t('learners:fields.firstName'), { exact: true }).fill(fields.firstName);
    await this.page.getByLabel(this.t('learners:fields.lastName'), { exact: true }).fill(fields.lastName);
    await this.page.getByLabel(this.t('learners:fields.className'), { exact: true }).fill(fields.className);
    await this.page.getByRole('button', { name: this.t('common:actions.save'), exact: true }).click();
  }

  syncState() {
    return this.page.getByTestId('sync-indicator').getAttribute('data-state');
  }
}
