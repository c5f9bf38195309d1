import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { t as latvian, type Label } from '../harness/labels';
import { AppShell } from './AppShell';

/** A support plan as its people use it, by the labels on the screen (Latvian unless told). */
export class PlanPage {
  constructor(
    private readonly page: Page,
    private readonly t: Label = latvian,
  ) {}

  get nav(): AppShell {
    return new AppShell(this.page, this.t);
  }

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
    await this.page.getByRole('button', { name: this.t('plans:measures.add') }).click();
    const form = this.page.locator('.measure-form');
    await form.getByLabel(this.t('plans:measures.plannedSessions')).fill(fields.sessions);
    await form.getByLabel(fields.risk).check();
    await form.getByLabel(this.t('plans:measures.justification')).fill(fields.justification);
    await form.getByRole('button', { name: this.t('plans:measures.save') }).click();
  }

  async act(name: string) {
    await this.page.locator('.plan-actions').getByRole('button', { name, exact: true }).click();
  }
}
