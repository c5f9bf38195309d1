import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** A support plan as its people use it, by the Latvian labels on the screen. */
export class PlanPage {
  constructor(private readonly page: Page) {}

  status() {
    return this.page.locator('.plan-page .page__header .plan-status').innerText();
  }

  async tickRisk(label: string) {
    // The box shows the stored plan: it turns on once the local database has the change, a moment after the click.
    const box = this.page.locator('.risk-groups').getByLabel(label);
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(true);
  }

  async addSubjectMeasure(fields: { sessions: string; risk: string; justification: string }) {
    await this.page.getByRole('button', { name: 'Pievienot pasākumu' }).click();
    const form = this.page.locator('.measure-form');
    await form.getByLabel('Plānotās konsultācijas semestrī').fill(fields.sessions);
    await form.getByLabel(fields.risk).check();
    await form.getByLabel('Pamatojums').fill(fields.justification);
    await form.getByRole('button', { name: 'Saglabāt pasākumu' }).click();
  }

  async act(name: string) {
    await this.page.locator('.plan-actions').getByRole('button', { name, exact: true }).click();
  }
}
