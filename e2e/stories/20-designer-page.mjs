// The designers' page (/designer/index.html): every deployed procedure with its diagram, elements, forms, decisions
// and the articles it cites, for a staff member logged in to the webapps in the same browser.

export default async function designerPage(t) {
  let page;

  await t.step('without a login the page is refused', async () => {
    const anonymous = await t.page();
    const response = await anonymous.request.get(`${t.base}/api/procedures`);
    t.equal(response.status(), 401, 'GET /api/procedures without login');
  });

  await t.step('a designer logged in to Tasklist opens the page and sees every procedure', async () => {
    const tasklist = await t.tasklist('admin');
    page = tasklist.page;
    await page.goto(`${t.base}/designer/index.html`);
    await t.visible(page.getByRole('heading', { name: '流程设计一览' }), 'the page title');
    for (const name of ['行政处罚（普通程序）（penalty-general）', '行政处罚（简易程序·当场处罚）（penalty-summary）',
      '重大执法决定法制审核（legal-review）']) {
      await t.visible(page.getByRole('heading', { name }), `the procedure ${name}`);
    }
  });

  await t.step('each diagram is drawn, and a click on an element shows its row', async () => {
    const summary = page.locator('section#penalty-summary');
    await summary.locator('.diagram[data-rendered="true"]').waitFor({ timeout: 20000 });
    const shape = summary.locator('.diagram [data-element-id="Task_ProcedureCheck"]');
    await t.visible(shape, 'the business rule task in the drawn diagram');
    await shape.click();
    const row = summary.locator('tr.selected[data-element="Task_ProcedureCheck"]');
    await t.visible(row, 'the clicked element’s row, highlighted');
    t.includes(await row.innerText(), 'penalty-procedure', 'the decision the element evaluates');
    t.includes(await row.innerText(), '行政处罚法第五十一条', 'the article the element cites');
    await summary.locator('.diagram').scrollIntoViewIfNeeded();
    await t.shot(page, 'designer-diagram', { fullPage: false });
    // KNOWN GAP (BpmnLintTests.PENDING_DIAGRAMS): penalty-general has no diagram yet, and the page says so
    const general = page.locator('section#penalty-general .diagram');
    await general.locator('.error').waitFor({ timeout: 20000 }).catch(() => {});
    if ((await general.getAttribute('data-rendered')) !== 'true') {
      t.includes(await general.innerText(), '尚无图形信息', 'what the page says about a BPMN without diagram');
    }
  });

  await t.step('forms, decision rules and the cited articles are listed', async () => {
    const general = page.locator('section#penalty-general');
    await t.visible(general.getByRole('heading', { name: /立案审批（penalty-filing-approval）/ }), 'the filing approval form');
    await t.visible(general.getByRole('heading', { name: /legal-review-required/ }), 'the legal review decision table');
    const citations = general.locator('tr.citation');
    t.ok((await citations.count()) > 20, `articles cited by penalty-general: ${await citations.count()}`);
    const art58 = citations.filter({ hasText: '第五十八条' }).filter({ hasText: '行政处罚法' });
    t.includes(await art58.first().innerText(), '法制审核', 'where Art. 58 is cited');
    await general.getByRole('heading', { name: /引用的法律条文/ }).scrollIntoViewIfNeeded();
    await t.shot(page, 'designer-citations', { fullPage: false });
  });
}
