// The case of 10-penalty-general (t.state.caseNumber) to its end, and its decision to the public: 张三 confirms the
// fine paid, 赵六 approves the closure, 张三 reviews the publication of the decision (公示审查) — the text as the
// reviewer edits it passes the masking rules again — and a citizen without an account finds the decision on the
// portal with the personal data of people other than the party hidden (RULES 1.8; 《政府信息公开条例》第十五条).
import { fieldValue } from '../lib/formjs.mjs';

const PARTY = '沈阳市浑南区某某房地产开发有限公司';
const DECISION_NO = '市建罚决〔2026〕1号';

/** Personal data the reviewer's public text names: a third person, his identity number and mobile number. */
const WITNESS = '李建国';
const WITNESS_ID = '210102198503071234';
const WITNESS_MOBILE = '13812345678';

export default async function closureAndPortal(t) {
  const { caseNumber } = t.state;
  const today = t.today;
  let officer;

  await t.step('张三 confirms the fine paid on time', async () => {
    t.ok(caseNumber, 'the case number set by 10-penalty-general');
    officer = await t.tasklist('zhangsan');
    const form = await officer.openTask('我的待办', '确认罚款缴纳', { '案号': caseNumber });
    t.equal(await fieldValue(form, '应缴罚款'), '80000', 'the fine due');
    await officer.fill({ '缴款日期': today, '实缴金额': 80000, '缴款凭证号': '辽财缴〔2026〕00012345' });
    await t.shot(officer.page, 'payment');
    await officer.completeOk();
  });

  await t.step('赵六 claims the closure approval and closes the case', async () => {
    const leader = await t.tasklist('zhaoliu');
    const form = await leader.openTask('可认领任务', '结案审批', { '案号': caseNumber });
    t.equal(await fieldValue(form, '当事人'), PARTY, 'the party on the closure form');
    t.equal(await fieldValue(form, '决定'), '给予行政处罚', 'the decision on the closure form');
    await leader.claim();
    await leader.fill({ '执行情况': '已执行完毕', '结案意见': '罚款已全额缴纳，处罚决定执行完毕，同意结案' });
    await t.shot(leader.page, 'closure');
    await leader.completeOk();
    // closed: no task of the case is left for anyone
    const left = await leader.page.request.get(`${t.base}/camunda/api/engine/engine/default/process-instance`, {
      params: { processDefinitionKey: 'penalty-general', variables: `caseNumber_eq_${caseNumber}` },
    });
    t.equal((await left.json()).length, 0, 'running instances of the closed case');
  });

  await t.step('the supervisor 孙七 reads the closed case\'s whole-process record from Cockpit\'s dashboard', async () => {
    // Cockpit CE lists running instances only: the dashboard's lookup opens the record of a closed case by its number
    const page = await t.webapp('cockpit', 'sunqi');
    const found = await page.request.get(`${t.base}/camunda/api/engine/engine/default/history/process-instance`, {
      params: { processDefinitionKey: 'penalty-general', finished: 'true' },
    });
    const closed = (await found.json()).filter((i) => i.state === 'COMPLETED');
    t.ok(closed.length >= 1, 'closed penalty cases in history');
    const lookup = page.locator('.sunlight-record-lookup');
    await t.visible(lookup.getByText('案件全过程记录（含已结案件）'), 'the lookup on the dashboard');
    let businessKey;
    for (const instance of closed) {
      const vars = await page.request.get(`${t.base}/camunda/api/engine/engine/default/history/variable-instance`, {
        params: { processInstanceId: instance.id, variableName: 'caseNumber' },
      });
      if ((await vars.json()).some((v) => v.value === caseNumber)) businessKey = instance.businessKey;
    }
    t.ok(businessKey, `the closed case numbered ${caseNumber}`);
    await lookup.getByLabel('案件编号').fill(businessKey);
    await lookup.getByRole('button', { name: '查看全过程记录' }).click();
    const record = lookup.locator('.sunlight-record');
    await t.visible(record.locator('table'), 'the record table of the closed case');
    const banner = (await record.locator(':scope > div').first().innerText()).trim();
    t.ok(/^完整性校验：完整（哈希链 \d+ 条记录/.test(banner), `the chain verified: “${banner}”`);
    const heading = await record.locator(':scope > div').nth(1).innerText();
    t.includes(heading, caseNumber, 'the case named in the record');
    t.includes(heading, '状态：已结案', 'the case closed');
    const titles = await record.locator('tbody tr td:nth-child(4)').allInnerTexts();
    t.ok(titles.includes('结案审批'), 'the closure approval in the record');
    await t.shot(page, 'cockpit-closed-case-record');
  });

  let publicMatter;
  await t.step('张三 reviews the publication: personal data typed into the public text is masked again', async () => {
    const form = await officer.openTask('我的待办', '公示审查', { '决定书文号': DECISION_NO });
    t.equal(await fieldValue(form, '当事人（公开）'), `${PARTY}（统一社会信用代码 91210100MA0Y6XQ12A）`,
      'the party as it will be published (an organisation: name and credit code)');
    t.includes(await fieldValue(form, '自动脱敏结果'), '未发现需隐去的个人信息', 'what the masking found so far');
    const matter = await fieldValue(form, '违法事实或事项（公开文本）');
    t.includes(matter, '建设项目档案', 'the public matter the decision prefilled');
    publicMatter = `${matter}。经查，项目经理${WITNESS}（身份证号码 ${WITNESS_ID}，手机 ${WITNESS_MOBILE}）`
      + '负责该工程档案移交，未按期移交';
    await officer.fill({ '违法事实或事项（公开文本）': publicMatter, '审查结论': '审查通过，予以公开' });
    await t.shot(officer.page, 'publication-review');
    await officer.completeOk();
  });

  await t.step('a citizen finds the decision on the portal, the third person\'s data hidden', async () => {
    const page = await t.page();
    await page.goto(`${t.base}/public/`);
    await t.visible(page.getByRole('link', { name: '执法决定公示' }), 'the portal menu');
    await page.getByRole('link', { name: '执法决定公示' }).first().click();
    await page.getByLabel('当事人').fill('浑南区某某房地产');
    await page.getByRole('button', { name: '检索' }).click();
    t.includes(await page.getByRole('status').innerText(), '共 1 条', 'the search result count');
    await page.getByRole('link', { name: DECISION_NO }).click();
    await t.visible(page.getByRole('heading', { name: `行政处罚决定：${DECISION_NO}` }), 'the decision page');
    const fields = Object.fromEntries(await page.locator('dl.fields dt').evaluateAll((dts) =>
      dts.map((dt) => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()])));
    t.equal(fields['当事人'], PARTY, 'the party (an organisation is published by name)');
    t.equal(fields['统一社会信用代码'], '91210100MA0Y6XQ12A', 'the credit code');
    t.equal(fields['决定内容'], '罚款人民币80000元', 'the decision');
    t.includes(fields['违法事实或事项'], '项目经理李某（身份证号码 ［身份证号码已隐去］，手机 ［电话号码已隐去］）',
      'the matter, masked');
    t.equal(fields['决定日期'], '2026年3月2日', 'the decision date');
    const text = await page.locator('main').innerText();
    for (const hidden of [WITNESS, WITNESS_ID, WITNESS_MOBILE, '13912345678', '沈阳市沈河区某街2号']) {
      t.excludes(text, hidden, 'the published decision');
    }
    t.excludes(await page.content(), WITNESS_ID, 'the page source');
    await t.shot(page, 'portal-decision');
  });

  await t.step('a decision the portal does not have is refused in Chinese', async () => {
    const page = await t.page();
    const response = await page.goto(`${t.base}/public/decisions/00000000-0000-0000-0000-000000000000`);
    t.equal(response.status(), 404, 'the status of an unknown decision');
    const text = await page.locator('main').innerText();
    t.includes(text, '未找到该公示信息（可能尚未公开或编号有误）', 'the refusal the citizen reads');
    t.ok(!/not found|error/i.test(text), `no English in the refusal: “${text}”`);
    await t.shot(page, 'portal-not-found');
  });
}
