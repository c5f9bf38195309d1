import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const DEMO_TEACHER = { username: 'ilze.kalnina', password: 'atbalsts-demo', name: 'Ilze Kalniņa' };

/** The sign-in and unlock screens, by their Latvian labels. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async signIn(username: string, password: string) {
    await this.page.getByLabel('Lietotājvārds').fill(username);
    await this.page.getByLabel('Parole', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Pieslēgties' }).click();
  }

  async unlockWithPin(pin: string) {
    await this.page.getByRole('heading', { name: 'Atbloķēt' }).waitFor();
    await this.page.getByLabel('PIN', { exact: true }).fill(pin);
    await this.page.getByRole('button', { name: 'Atbloķēt', exact: true }).click();
  }

  async unlock(password: string) {
    await this.page.getByRole('heading', { name: 'Atbloķēt' }).waitFor();
    await this.page.getByLabel('Parole', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Atbloķēt', exact: true }).click();
  }
}

/**
 * Signs out from the top bar: the question always comes (issue 13.5); once it has said what would be lost, the
 * person confirms — "Iziet un dzēst no ierīces", or "Iziet un dzēst" when changes still wait.
 */
export async function signOut(page: Page) {
  await page.locator('.topbar').getByRole('button', { name: 'Iziet', exact: true }).click();
  const confirm = page
    .getByRole('dialog', { name: 'Iziet no šīs ierīces?' })
    .getByRole('button', { name: /^Iziet un dzēst/ });
  await expect.poll(() => confirm.isEnabled(), { timeout: 15_000 }).toBe(true);
  await confirm.click();
}
