// What a story gets: a Chromium session per user (Chinese browser in Asia/Shanghai), named steps with a screenshot
// each, and assertions on what the page shows. Screenshots go to the output folder, numbered in story order.
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import assert from 'node:assert/strict';
import { login, Tasklist } from './tasklist.mjs';

/** Display names of the demo users (DESIGN.md), as the webapps show them. */
const NAMES = { zhangsan: '张三', lisi: '李四', wangwu: '王五', zhaoliu: '赵六', sunqi: '孙七', admin: '系统管理员' };

export class Harness {
  constructor({ browser, base, out, today, now, story, state }) {
    this.browser = browser;
    this.base = base;
    this.out = out;
    this.today = today;
    /** The application's instant when the run started (ISO), or null: the pages' clocks start there. */
    this.now = now;
    this.story = story;
    this.names = NAMES;
    /** Shared by the stories of one run, in order: e.g. the case number a later story looks up. */
    this.state = state || {};
    this.pages = [];
    this.shots = 0;
    this.steps = 0;
  }

  /** A fresh browser context for the user (its own cookies), logged in to Tasklist. */
  async tasklist(user) {
    const page = await this.page();
    return new Tasklist(this, page, user).login();
  }

  /**
   * A fresh page logged in to a Camunda webapp ('tasklist', 'cockpit', 'admin') through its login form (password =
   * user name for the demo users); the webapp session then also opens Sunlight's staff pages (/api, /designer).
   */
  async webapp(app, user) {
    const page = await this.page();
    await login(page, this.base, app, user);
    return page;
  }

  /** A fresh page in its own context, as a Chinese browser in China would open it. */
  async page() {
    const context = await this.browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1400, height: 1000 },
    });
    if (this.now) {
      // the page's Date starts at the application's clock and ticks on (Playwright's clock, not paused)
      await context.clock.install({ time: new Date(this.now) });
    }
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    page.on('pageerror', (err) => console.log(`  [page error] ${err.message}`));
    this.pages.push(page);
    return page;
  }

  /** Runs a named step; on failure every open page is captured before the error goes up. */
  async step(title, fn) {
    this.steps++;
    const started = Date.now();
    console.log(`▶ ${this.story} ${this.steps}. ${title}`);
    try {
      await fn();
      console.log(`  ✓ ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (err) {
      for (const [i, page] of this.pages.entries()) {
        if (!page.isClosed()) {
          await page.screenshot({ path: this.file(`FAILED-step${this.steps}-page${i + 1}`), fullPage: true }).catch(() => {});
        }
      }
      err.message = `step ${this.steps} “${title}”: ${err.message}`;
      throw err;
    }
  }

  /** Keeps a screenshot of the page as test output. */
  async shot(page, name, { fullPage = true } = {}) {
    this.shots++;
    await page.screenshot({ path: this.file(`${String(this.shots).padStart(2, '0')}-${name}`), fullPage });
  }

  file(name) {
    return path.join(this.out, this.story, `${name}.png`);
  }

  async prepare() {
    await rm(path.join(this.out, this.story), { recursive: true, force: true });
    await mkdir(path.join(this.out, this.story), { recursive: true });
  }

  async close() {
    for (const page of this.pages) await page.context().close().catch(() => {});
  }

  // ---- assertions on what a person reads ----------------------------------------------------

  equal(actual, expected, what) {
    assert.equal(actual, expected, `${what}: expected “${expected}”, the page shows “${actual}”`);
  }

  includes(text, part, what) {
    assert.ok(String(text).includes(part), `${what}: expected “${part}” in “${text}”`);
  }

  excludes(text, part, what) {
    assert.ok(!String(text).includes(part), `${what}: “${part}” must not appear in “${text}”`);
  }

  /** Waits (up to 10 s) until the element is visible: what the person sees once the page has loaded. */
  async visible(locator, what) {
    await locator.first().waitFor({ state: 'visible', timeout: 10000 }).catch(() => {
      throw new assert.AssertionError({ message: `${what}: not visible on the page` });
    });
  }

  ok(condition, what) {
    assert.ok(condition, what);
  }
}
