// Camunda 7.24 Tasklist as an officer uses it: log in, start a procedure from its start form, find a task,
// claim it, fill its Camunda Form, complete it, and read what the page says back.
import { fillForm, fieldValue, hasValue } from './formjs.mjs';

/** Logs in through a Camunda webapp's own login form, which a Chinese browser sees in Chinese. */
export async function login(page, base, app, user) {
  await page.goto(`${base}/camunda/app/${app}/default/`);
  // a webapp's first load (its bundles, a cold server) may take long on a busy CI machine: wait for the form itself
  await page.getByPlaceholder('用户名').waitFor({ timeout: 60000 });
  const name = page.getByPlaceholder('用户名');
  const password = page.getByPlaceholder('密码');
  // the login form is still settling just after it appears (Angular, autofocus): once in CI a password typed into it
  // landed in the user-name field ("adminadmin"), so fill until both fields hold what was typed
  for (let attempt = 0; attempt < 5; attempt++) {
    await name.fill(user);
    await password.fill(user);
    if ((await name.inputValue()) === user && (await password.inputValue()) === user) break;
    await page.waitForTimeout(500);
  }
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByPlaceholder('用户名').waitFor({ state: 'detached' });
}

export class Tasklist {
  constructor(t, page, user) {
    this.t = t;
    this.page = page;
    this.user = user;
  }

  /** Logs in through the Tasklist login page (password = user name for the demo users). */
  async login() {
    await login(this.page, this.t.base, 'tasklist', this.user);
    await this.page.getByText('启动流程', { exact: true }).waitFor();
    return this;
  }

  /** The process names the start dialog offers. */
  async startableProcesses() {
    const { page } = this;
    await page.getByText('启动流程', { exact: true }).click();
    const items = page.locator('.modal-dialog ul.processes li a');
    await items.first().waitFor();
    const names = (await items.allTextContents()).map((s) => s.trim());
    await page.locator('.modal-dialog').getByRole('button', { name: '关闭' }).click();
    await page.locator('.modal-dialog').waitFor({ state: 'detached' });
    return names;
  }

  /** Opens the start dialog of a procedure and fills its start form; returns the dialog. */
  async openStartForm(processName, values) {
    const { page } = this;
    await page.getByText('启动流程', { exact: true }).click();
    const dialog = page.locator('.modal-dialog');
    await dialog.locator('ul.processes li a', { hasText: processName }).first().click();
    await dialog.locator('.fjs-form').waitFor();
    await fillForm(dialog, values);
    return dialog;
  }

  /** Clicks 启动 and returns the notification the page shows (success or refusal). */
  async submitStartForm(dialog) {
    await dialog.getByRole('button', { name: '启动' }).click();
    return this.notification();
  }

  /** The text of the newest notification (success or error) once it appears. */
  async notification() {
    const note = this.page.locator('.notifications .alert').last();
    await note.waitFor({ state: 'visible', timeout: 15000 });
    const text = (await note.innerText()).replace(/^×\s*/, '').trim();
    return text;
  }

  async dismissNotifications() {
    const close = this.page.locator('.notifications .alert button.close:visible');
    for (let i = await close.count(); i > 0; i--) {
      await close.nth(i - 1).click({ timeout: 2000 }).catch(() => {});
    }
  }

  /**
   * Opens, from a filter (我的待办, 可认领任务, 全部任务), the task of that name whose form shows `match`
   * (label → value of a display field, e.g. { 案号: '市建罚〔2026〕1号' }).
   */
  async openTask(filter, taskName, match = {}) {
    const { page } = this;
    await page.locator('.task-filter h4.name a', { hasText: filter }).first().click();
    const deadline = Date.now() + 20000;
    for (;;) {
      const cards = page.locator('ol.tasks-list > li').filter({
        has: page.locator('.names a, h4 a', { hasText: new RegExp(`^\\s*${taskName}\\s*$`) }),
      });
      const n = await cards.count();
      for (let i = 0; i < n; i++) {
        const form = page.locator('[cam-tasklist-form] .fjs-form');
        // several tasks may share the name: read the form of the task just clicked, not the one shown before
        const shown = (await form.count()) ? await form.first().elementHandle() : null;
        await cards.nth(i).locator('h4 a').first().click();
        await page.locator('.task-card h2.task', { hasText: taskName }).waitFor();
        if (shown) {
          await page.waitForFunction((el) => !el.isConnected, shown, { timeout: 5000 }).catch(() => {});
        }
        await form.waitFor({ timeout: 15000 });
        if (await this.#matches(form, match)) return form;
      }
      // the list shows a page of tasks (newest first by the engine's clock): other cases may fill the first page
      const next = page.locator('.pagination-next:not(.disabled) a:visible').first();
      if (await next.count()) {
        await next.click();
        await page.waitForTimeout(500);
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`${this.user} finds no task “${taskName}” under ${filter} matching ${JSON.stringify(match)}`);
      }
      await page.waitForTimeout(500);
      await page.locator('.task-filter h4.name a', { hasText: filter }).first().click();
    }
  }

  async #matches(form, match) {
    for (const [label, value] of Object.entries(match)) {
      if ((await fieldValue(form, label)) !== value) return false;
    }
    return true;
  }

  /** Whether the open task's form is enabled (a candidate must claim first). */
  async formEnabled() {
    const disabled = await this.page.locator('[cam-tasklist-form] .disabled-form').count();
    const button = this.page.locator('.task-card button.btn-primary', { hasText: '完成' });
    return disabled === 0 && (await button.isEnabled());
  }

  /** Claims the open task (认领) and waits until its form is enabled. */
  async claim() {
    const { page } = this;
    await page.locator('.task-card .claim', { hasText: '认领' }).click();
    await page.locator('.task-card .assignee, .task-card [cam-widget-inline-field]', { hasText: this.t.names[this.user] })
      .first().waitFor({ timeout: 10000 }).catch(() => {});
    const deadline = Date.now() + 10000;
    while (!(await this.formEnabled())) {
      if (Date.now() > deadline) throw new Error(`${this.user} claimed the task but its form stays disabled`);
      await page.waitForTimeout(200);
    }
  }

  /**
   * Fills the open task's form and checks that every field shows what was entered: Tasklist may re-render the form
   * once more after a claim (it reloads the task), which drops what was typed before; such fields are filled again.
   */
  async fill(values) {
    const form = this.page.locator('[cam-tasklist-form] .fjs-form');
    await fillForm(form, values);
    for (let attempt = 1; ; attempt++) {
      const lost = [];
      for (const [label, value] of Object.entries(values)) {
        if (!(await hasValue(form, label, value))) lost.push(label);
      }
      if (!lost.length) return;
      if (attempt === 3) throw new Error(`${this.user}: the form does not keep ${lost.join(', ')}`);
      await this.page.waitForTimeout(500);
      await fillForm(form, Object.fromEntries(lost.map((label) => [label, values[label]])));
    }
  }

  /**
   * Clicks 完成. Returns null when the task is done (Tasklist closes it and asks to pick the next one), or the text
   * of the error the page shows when the step is refused (the task stays open).
   */
  async complete() {
    const { page } = this;
    await this.dismissNotifications();
    // what was typed last is committed by form-js after its debounce (300 ms) or on blur
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    await page.waitForTimeout(400);
    await page.locator('.task-card button.btn-primary', { hasText: '完成' }).click();
    const error = page.locator('.notifications .alert-danger, .notifications .alert-error').last();
    const invalid = page.locator('[cam-tasklist-form] .fjs-form-field-error').first();
    const done = page.getByText('请在列表中选择一个任务');
    const deadline = Date.now() + 20000;
    for (;;) {
      if (await error.isVisible()) return (await error.innerText()).replace(/^×\s*/, '').trim();
      if (await done.isVisible()) return null;
      if (await invalid.isVisible()) {
        const field = await invalid.locator('xpath=ancestor::*[contains(@class,"fjs-form-field")][1]//label').first()
          .textContent().catch(() => '');
        return `（表单校验）${field}: ${(await invalid.innerText()).trim()}`;
      }
      if (Date.now() > deadline) throw new Error(`${this.user} clicked 完成: the page shows neither an error nor the next task`);
      await page.waitForTimeout(200);
    }
  }

  /** Opens Sunlight's 证据材料 tab of the open task; returns the tab once it has loaded the case's list. */
  async evidenceTab() {
    const { page } = this;
    await page.locator('.task-card .nav-tabs a', { hasText: '证据材料' }).click();
    const tab = page.locator('.sunlight-evidence');
    await tab.locator('table, p', { hasText: /编号|本任务尚无证据材料/ }).first().waitFor();
    return tab;
  }

  /** Opens Sunlight's 办案申请 tab of the open task; returns the tab once it knows which requests the task allows. */
  async caseRequestsTab() {
    const { page } = this;
    await page.locator('.task-card .nav-tabs a', { hasText: '办案申请' }).click();
    const tab = page.locator('.sunlight-case-requests');
    await tab.locator('h4, p', { hasText: /申请|登记|没有可登记/ }).first().waitFor();
    return tab;
  }

  /** Back to the task's form tab (表单). */
  async formTab() {
    await this.page.locator('.task-card .nav-tabs a', { hasText: '表单' }).click();
    await this.page.locator('[cam-tasklist-form] .fjs-form').waitFor();
  }

  /**
   * In the open evidence tab: chooses the file ({ name, mimeType, buffer }), types the capture time (yyyy-mm-ddThh:mm,
   * the browser's local time) and clicks 上传证据; returns the message the tab shows once the upload has finished.
   */
  async uploadEvidence(file, capturedAt, deviceNote = '') {
    const tab = this.page.locator('.sunlight-evidence');
    await tab.locator('input[type=file]').setInputFiles(file);
    await tab.locator('input[type=datetime-local]').fill(capturedAt);
    if (deviceNote) await tab.getByPlaceholder('设备说明').fill(deviceNote);
    const button = tab.getByRole('button', { name: '上传证据' });
    await button.click();
    // the tab disables the button while it uploads and reloads the list, and shows the outcome below (its last div)
    await this.page.waitForFunction((el) => {
      const b = el.querySelector('button');
      const s = [...el.querySelectorAll(':scope > div')].pop();
      return !b.disabled && s && s.textContent && !s.textContent.startsWith('正在上传');
    }, await tab.elementHandle());
    return (await tab.locator(':scope > div').last().innerText()).trim();
  }

  /** Completes the open task and fails if the page shows an error instead. */
  async completeOk() {
    const error = await this.complete();
    if (error !== null) throw new Error(`${this.user} could not complete the task: ${error}`);
  }
}
