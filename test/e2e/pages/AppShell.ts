import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { t as latvian, type Label } from '../harness/labels';
import { LearnersPage } from './LearnersPage';
import { SignInPage } from './SignInPage';
import { TodayPage } from './TodayPage';

/**
 * What stays around every screen once someone is signed in: the main navigation, the top bar's lock and sign-out,
 * the language switch. Each step that leaves the screen gives the page model of the one it lands on.
 */
export class AppShell {
  constructor(
    readonly page: Page,
    readonly t: Label = latvian,
  ) {}

  /** A place in the main navigation by its label's key (e.g. `reports:nav`). */
  navLink(key: string) {
    return this.page.getByRole('navigation').getByRole('link', { name: this.t(key) });
  }

  /** Goes to a place and waits for its heading (level 1) by the heading's key. */
  async go(navKey: string, headingKey: string, options: { timeout?: number } = {}) {
    await this.navLink(navKey).click(options);
    await this.page.getByRole('heading', { name: this.t(headingKey), level: 1 }).waitFor(options);
  }

  async learners(): Promise<LearnersPage> {
    await this.navLink('common:nav.learners').click();
    return new LearnersPage(this.page, this.t).ready();
  }

  async today(): Promise<TodayPage> {
    await this.navLink('common:nav.today').click();
    return new TodayPage(this.page, this.t).ready();
  }

  async reports(options: { timeout?: number } = {}): Promise<AppShell> {
    await this.go('reports:nav', 'reports:title', options);
    return this;
  }

  async plans(): Promise<AppShell> {
    await this.go('common:nav.plans', 'plans:list.title');
    return this;
  }

  async settings(): Promise<AppShell> {
    await this.navLink('common:nav.settings').click();
    await this.page.getByRole('heading', { name: this.t('account:settings.title'), level: 1 }).waitFor();
    return this;
  }

  /** Locks the app from the top bar: the unlock screen comes, the data stay. */
  async lock(): Promise<SignInPage> {
    await this.page.getByRole('button', { name: this.t('account:menu.lock'), exact: true }).click();
    const signIn = new SignInPage(this.page, this.t);
    await signIn.unlockHeading().waitFor();
    return signIn;
  }

  /**
   * Signs out from the top bar: the question always comes (issue 13.5); once it has said what would be lost, the
   * person confirms — "Iziet un dzēst no ierīces", or "Iziet un dzēst" when changes still wait.
   */
  async signOut(): Promise<SignInPage> {
    await this.page
      .locator('.topbar')
      .getByRole('button', { name: this.t('account:menu.signOut'), exact: true })
      .click();
    const confirm = this.page
      .getByRole('dialog', { name: this.t('account:signOut.title') })
      .getByRole('button', { name: new RegExp(`^${this.t('account:menu.discard')}`) });
    await expect.poll(() => confirm.isEnabled(), { timeout: 15_000 }).toBe(true);
    await confirm.click();
    // The device is wiped before the sign-in (or, with other accounts here, the unlock) screen comes: a step taken
    // before then, such as a page load, would cut the wipe short.
    const signIn = new SignInPage(this.page, this.t);
    await signIn.heading().or(signIn.unlockHeading()).first().waitFor({ timeout: 30_000 });
    return signIn;
  }

  /** Answers the "works offline now" prompt as a person would, if it comes within a while. */
  async dismissOfflineReady(timeout = 15_000) {
    const later = this.page.getByRole('button', { name: this.t('common:update.dismiss') });
    await later.waitFor({ timeout }).then(
      () => later.click(),
      () => undefined,
    );
  }

  /** Switches the language from the top bar, by the label of the language it is in now. */
  async chooseLanguage(language: 'lv' | 'en' | 'ru', labels: Label): Promise<AppShell> {
    await this.page.getByLabel(this.t('common:language.label')).selectOption(language);
    // The language's strings come in a chunk of their own (issue 13.11): the switch follows their arrival.
    await expect.poll(() => this.page.evaluate(() => document.documentElement.lang)).toBe(language);
    return new AppShell(this.page, labels);
  }

  /** How far the page is wider than the window (0 or less: it fits). */
  overflow() {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }
}
