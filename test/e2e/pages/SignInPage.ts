import type { Page } from 'playwright-core';

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
