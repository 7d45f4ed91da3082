// An administrator watches the cases in Cockpit with a Chinese browser. The Cockpit steps of later issues (the
// whole-process record tab of a case) continue from here: t.webapp('cockpit', user) gives a logged-in page.

export default async function cockpit(t) {
  let page;

  await t.step('the administrator logs in to Cockpit and sees its dashboard in Chinese', async () => {
    page = await t.webapp('cockpit', 'admin');
    for (const label of ['流程', '决策', '人工任务', '运行中的流程实例', '流程定义']) {
      await t.visible(page.getByText(label, { exact: true }), `the dashboard label ${label}`);
    }
    await t.shot(page, 'cockpit-dashboard', { fullPage: false });
  });

  await t.step('the procedures are listed by their Chinese names, and the case worked in Tasklist is running', async () => {
    await page.goto(`${t.base}/camunda/app/cockpit/default/#/processes`);
    const row = page.locator('tr', { hasText: 'penalty-general' });
    await t.visible(row, 'the row of penalty-general');
    t.includes(await row.innerText(), '行政处罚（普通程序）', 'the procedure name in the list');
    await t.visible(page.locator('tr', { hasText: 'legal-review' }), 'the row of legal-review');
    await row.getByRole('link', { name: '行政处罚（普通程序）' }).click();
    await t.visible(page.getByText('流程实例', { exact: false }), 'the definition page');
    const instances = page.locator('table tbody tr').filter({ hasText: /CF-\d{4}-\d{5}/ });
    await instances.first().waitFor({ state: 'visible', timeout: 15000 });
    t.ok((await instances.count()) >= 1, 'running cases of penalty-general, by their business key');
    await t.shot(page, 'cockpit-penalty-general', { fullPage: false });
  });
}
