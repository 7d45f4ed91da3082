// The supervisors' page of case-file scores (/supervision/scores, 案卷评查): a supervisor logged in to the webapps
// opens it, finds the case that 10-penalty-general worked and 40-closure-and-portal closed scored, sorts by score,
// reads the findings with their sources and finds the CSV export.

export default async function caseFileScores(t) {
  let page;

  await t.step('without a login the scores are refused', async () => {
    const anonymous = await t.page();
    const response = await anonymous.request.get(`${t.base}/api/supervision/scores`);
    t.equal(response.status(), 401, 'GET /api/supervision/scores without login');
  });

  await t.step('an officer sees the page say that scores are for supervisors and leaders', async () => {
    const officer = await t.webapp('tasklist', 'zhangsan');
    await officer.goto(`${t.base}/supervision/scores`);
    await t.visible(officer.locator('#status .error'), 'the refusal on the page');
    t.includes(await officer.locator('#status').innerText(), '监督人员', 'who may read the scores');
  });

  await t.step('a supervisor opens the page and sorts by score', async () => {
    page = await t.webapp('tasklist', 'sunqi');
    await page.goto(`${t.base}/supervision/scores`);
    await t.visible(page.getByRole('heading', { name: '案卷评查' }), 'the page title');
    await page.locator('#status').filter({ hasText: '共' }).waitFor();
    await page.locator('th[data-sort="score"]').click(); // descending
    await page.locator('th[data-sort="score"]').click(); // ascending
    await page.locator('th[data-sort="score"].asc').waitFor();
    await page.locator('#status').filter({ hasText: '共' }).waitFor();
    const scores = await page.locator('#scores tbody td.score').allInnerTexts();
    const numbers = scores.map(Number);
    t.ok(numbers.every((n, i) => i === 0 || numbers[i - 1] <= n), `scores ascending: ${numbers.join(', ')}`);
    const href = await page.locator('#export').getAttribute('href');
    t.includes(href, '/api/supervision/scores.csv?', 'the export link');
    t.includes(href, 'sort=score', 'the export keeps the order');
    await t.shot(page, 'scores-sorted', { fullPage: true });
  });

  await t.step('the case worked and closed in the stories is scored, its findings with their sources', async () => {
    const { caseNumber } = t.state;
    t.ok(caseNumber, 'the case number set by 10-penalty-general');
    const row = page.locator('#scores tbody tr', { hasText: caseNumber });
    await t.visible(row, `the score of ${caseNumber}`);
    const score = Number(await row.locator('td.score').innerText());
    t.ok(score >= 0 && score <= 100, `a score between 0 and 100: ${score}`);
    const text = await row.innerText();
    t.ok(/合格|不合格/.test(text), 'passed or failed, in Chinese');
    t.includes(text, '张三', 'the handler by name');
    t.excludes(text, 'zhangsan', 'the scores row');
    const details = row.locator('details');
    if (score < 100) {
      await details.locator('summary').click();
      const finding = details.locator('.finding').first();
      await t.visible(finding, 'a finding');
      const text = await finding.innerText();
      t.ok(/否决项|扣 \d+ 分/.test(text), `veto or points: ${text}`);
      t.ok(/第\d+条/.test(text), `the article the item enforces: ${text}`);
    } else {
      t.equal(await details.count(), 0, 'a full score lists no findings');
    }
    await t.shot(page, 'scores-findings', { fullPage: true });
  });

  await t.step('the supervisor narrows the list to one procedure, and the case is listed under its own', async () => {
    const { caseNumber } = t.state;
    const select = page.locator('select[name="procedure"]');
    await select.locator('option[value="licensing"]').waitFor({ state: 'attached' });
    await select.selectOption('licensing');
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('#status').filter({ hasText: '共' }).waitFor();
    t.includes(await page.locator('#export').getAttribute('href'), 'procedure=licensing', 'the export keeps the filter');
    t.equal(await page.locator('#scores tbody tr', { hasText: caseNumber }).count(), 0,
      `the penalty case ${caseNumber} is not among licensing cases`);
    await select.selectOption('penalty-general');
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.locator('#scores tbody tr', { hasText: caseNumber });
    await t.visible(row, `${caseNumber} among the penalty cases`);
    const procedures = await page.locator('#scores tbody tr > td:nth-child(2)').allInnerTexts();
    t.ok(procedures.length > 0 && procedures.every(p => p && p === procedures[0]),
      `one procedure, named in Chinese: ${[...new Set(procedures)].join(', ')}`);
    t.ok(/[\u4e00-\u9fff]/.test(procedures[0]), `the procedure's Chinese name: ${procedures[0]}`);
  });
}
