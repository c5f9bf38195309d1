import type { Page } from 'playwright-core';

/** The learner screens as a person uses them: by visible labels, in the language shown. */
export class LearnersPage {
  constructor(private readonly page: Page) {}

  async open(baseUrl: string) {
    await this.page.goto(`${baseUrl}/learners`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  rows() {
    return this.page.locator('.learner-row');
  }

  row(name: string) {
    return this.rows().filter({ hasText: name });
  }

  async search(text: string, label = 'Meklēt pēc vārda') {
    await this.page.getByLabel(label).fill(text);
  }

  async filterClass(className: string, label = 'Klase') {
    await this.page.getByLabel(label, { exact: true }).selectOption(className);
  }

  async addLearner(fields: { firstName: string; lastName: string; className: string }) {
    await this.page.getByRole('link', { name: 'Pievienot izglītojamo' }).click();
    await this.page.getByLabel('Vārds', { exact: true }).fill(fields.firstName);
    await this.page.getByLabel('Uzvārds', { exact: true }).fill(fields.lastName);
    await this.page.getByLabel('Klase vai kurss', { exact: true }).fill(fields.className);
    await this.page.getByRole('button', { name: 'Saglabāt', exact: true }).click();
  }

  syncState() {
    return this.page.getByTestId('sync-indicator').getAttribute('data-state');
  }
}
