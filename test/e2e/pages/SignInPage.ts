import type { Page } from 'playwright-core';
import { t as latvian, type Label } from '../harness/labels';
import { AppShell } from './AppShell';
import { LearnersPage } from './LearnersPage';

export const DEMO_TEACHER = { username: 'ilze.kalnina', password: 'atbalsts-demo', name: 'Ilze Kalniņa' };

/** The sign-in and unlock screens, by their labels in the language shown (Latvian unless told). */
export class SignInPage {
  constructor(
    private readonly page: Page,
    private readonly t: Label = latvian,
  ) {}

  heading() {
    return this.page.getByRole('heading', { name: this.t('account:signIn.title') });
  }

  unlockHeading() {
    return this.page.getByRole('heading', { name: this.t('account:unlock.title') });
  }

  /** Signs in; everyone lands on the learners list (routes.tsx), which fills as the first sync arrives. */
  async signIn(username: string, password: string): Promise<LearnersPage> {
    await this.page.getByLabel(this.t('account:fields.username')).fill(username);
    await this.page.getByLabel(this.t('account:fields.password'), { exact: true }).fill(password);
    await this.page.getByRole('button', { name: this.t('account:signIn.submit') }).click();
    return new LearnersPage(this.page, this.t);
  }

  async unlockWithPin(pin: string): Promise<AppShell> {
    await this.unlockHeading().waitFor();
    await this.page.getByLabel(this.t('account:fields.pin'), { exact: true }).fill(pin);
    await this.page.getByRole('button', { name: this.t('account:unlock.submit'), exact: true }).click();
    return new AppShell(this.page, this.t);
  }

  async unlock(password: string): Promise<AppShell> {
    await this.unlockHeading().waitFor();
    await this.page.getByLabel(this.t('account:fields.password'), { exact: true }).fill(password);
    await this.page.getByRole('button', { name: this.t('account:unlock.submit'), exact: true }).click();
    return new AppShell(this.page, this.t);
  }
}

/** Signs out from the top bar and confirms (AppShell.signOut), for tests that hold only the page. */
export async function signOut(page: Page): Promise<SignInPage> {
  return new AppShell(page).signOut();
}
