// An administrator watches the cases in Cockpit with a Chinese browser, and opens the case that 10-penalty-general
// worked (still running: it waits for the fine) to read Sunlight's whole-process record tab, its chain verified.
// Cockpit CE has no view of finished instances, so the record of a closed case is read here before it closes.

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

  await t.step('the administrator opens the case worked in Tasklist and reads its whole-process record, verified', async () => {
    const { caseNumber } = t.state;
    t.ok(caseNumber, 'the case number set by 10-penalty-general');
    // the business key (what Cockpit lists) of that case, as the engine knows it
    const found = await page.request.get(`${t.base}/camunda/api/engine/engine/default/process-instance`, {
      params: { processDefinitionKey: 'penalty-general', variables: `caseNumber_eq_${caseNumber}` },
    });
    const instances = await found.json();
    t.equal(instances.length, 1, `running cases numbered ${caseNumber}`);
    const { businessKey } = instances[0];
    await page.locator('table tbody tr', { hasText: businessKey }).getByRole('link').first().click();
    await page.getByText('全过程记录', { exact: true }).click();
    const record = page.locator('.sunlight-record');
    await t.visible(record.locator('table'), 'the record table');
    const banner = (await record.locator(':scope > div').first().innerText()).trim();
    t.ok(/^完整性校验：完整（哈希链 \d+ 条记录，链头 \d+:[0-9a-f]{16}…）$/.test(banner), `the chain verified: “${banner}”`);
    const heading = await record.locator(':scope > div').nth(1).innerText();
    t.includes(heading, `${caseNumber}　沈阳市浑南区某某房地产开发有限公司`, 'the case named in the record');
    t.includes(heading, '承办：', 'the handler line');
    t.includes(heading, '张三', 'the handler by name');
    t.includes(heading, '状态：办理中', 'the case status, in Chinese');

    const rows = await record.locator('tbody tr').evaluateAll((trs) => trs.map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
    const row = (kind, title) => rows.find((r) => r[2] === kind && r[3] === title);
    for (const task of ['立案审批', '调查取证', '调查终结报告', '拟定处罚意见', '行政处罚事先告知', '法制审核',
      '负责人审批决定', '送达处罚决定书']) {
      t.ok(row('任务', task), `the completed task ${task} in the record`);
    }
    t.ok(row('任务', '确认罚款缴纳（办理中）'), 'the open payment task in the record');
    t.equal(row('任务', '法制审核')[4], '王五', 'who did the legal review');
    t.equal(row('任务', '负责人审批决定')[4], '赵六', 'who decided');
    const evidence = rows.find((r) => r[2] === '证据材料');
    t.ok(evidence, 'the evidence upload in the record');
    t.equal(evidence[3], '上传证据：现场照片-档案室.jpg', 'the evidence entry');
    t.includes(evidence[5], `SHA-256 ${t.state.evidenceSha256}`, 'the evidence hash in the record');
    t.ok(rows.some((r) => r[2] === '决策表评估'), 'the discretion benchmark evaluation in the record');
    // form submissions read as the forms showed them: the field's label, the option chosen
    t.ok(rows.some((r) => r[2] === '表单提交' && r[5].includes('案件来源：（无） → 投诉、举报')), 'the case source as registered');
    t.ok(rows.some((r) => r[2] === '表单提交' && r[5].includes('罚款金额：（无） → 80000')), 'the fine as proposed');
    t.ok(rows.some((r) => r[2] === '表单提交' && r[5].includes('发现日期：（无） → ')), 'a date field by its label');
    // every column a person reads to find an entry is Chinese (the details hold values as entered)
    for (const r of rows) {
      t.ok(/[\u4e00-\u9fa5]/.test(r[1]) && /[\u4e00-\u9fa5]/.test(r[2]), `stage and kind in Chinese: ${r.slice(0, 4).join(' | ')}`);
      t.ok(!/[A-Za-z]{3,}/.test(r[4]), `the person by name, not by account: ${r.slice(0, 5).join(' | ')}`);
    }
    await t.shot(page, 'cockpit-record-tab');
  });
}
