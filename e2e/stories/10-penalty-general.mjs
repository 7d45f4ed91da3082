// A penalty case under the general procedure (行政处罚普通程序), worked in Tasklist by the people who work it:
// the officer 张三 registers it and investigates, the leader 赵六 approves the filing, the legal reviewer 王五 reviews
// (a fine of 80 000 yuan is in the review catalogue), the leader decides. Each person uses their own browser.
//
// The officer attaches a site photo in the evidence tab during the investigation and delivers the decision; the case
// then waits for the fine. The stories after it find the case by t.state.caseNumber: 30-cockpit reads its record while
// it runs, 40-closure-and-portal settles the fine, closes the case and finds the published decision on the portal.
import { createHash, randomUUID } from 'node:crypto';
import { fieldValue, fillForm, pickDate, selectOptions } from '../lib/formjs.mjs';

const PARTY = '沈阳市浑南区某某房地产开发有限公司'; // no other test uses this party: its tasks are found by it

/**
 * A site photo as a camera writes it (a JPEG's first bytes are enough: photos are stored as they come). Its bytes are
 * new on every run: the evidence store outlives the test database, and known bytes are stored only once.
 */
const PHOTO = {
  name: '现场照片-档案室.jpg',
  mimeType: 'image/jpeg',
  buffer: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`JFIF 现场照片 ${randomUUID()}`),
    Buffer.from([0xff, 0xd9])]),
};
const PHOTO_SHA256 = createHash('sha256').update(PHOTO.buffer).digest('hex');

function daysBefore(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export default async function penaltyGeneral(t) {
  const today = t.today;
  let officer;
  let leader;
  let caseNumber;

  await t.step('张三 logs in to Tasklist with a Chinese browser and sees Chinese', async () => {
    officer = await t.tasklist('zhangsan');
    const page = officer.page;
    await t.visible(page.getByText('启动流程', { exact: true }), 'the 启动流程 (start process) link');
    for (const filter of ['我的待办', '可认领任务', '全部任务']) {
      await t.visible(page.locator('.task-filter h4.name a', { hasText: filter }), `the task filter ${filter}`);
    }
    await t.visible(page.locator('a.dropdown-toggle', { hasText: '张三' }), 'the user menu with the officer by name');
    await t.shot(page, 'officer-logged-in');
  });

  await t.step('the start dialog offers the procedures an officer starts, in Chinese', async () => {
    const names = await officer.startableProcesses();
    t.ok(names.includes('行政处罚（普通程序）'), `行政处罚（普通程序） among ${names}`);
    t.ok(names.includes('行政处罚（简易程序·当场处罚）'), `行政处罚（简易程序·当场处罚） among ${names}`);
    t.ok(!names.includes('重大执法决定法制审核'), `legal review is started by the procedures, not by hand: ${names}`);
  });

  const registration = {
    '案件来源': '投诉、举报',
    '当事人类型': '法人或者其他组织',
    '当事人名称或姓名': PARTY,
    '统一社会信用代码或公民身份号码': '91210100MA0Y6XQ12B', // wrong check digit: refused below
    '法定代表人或者负责人': '王某',
    '住所或地址': '沈阳市沈河区某街2号',
    '联系电话': '13912345678',
    '违法行为': '竣工验收后未移交建设项目档案（质量条例第59条）',
    '违法行为发生（或终了）日期': daysBefore(today, 29), // typed
    '案情摘要': '竣工验收后三个月内未向城建档案管理机构移交建设项目档案',
  };

  let dialog;
  await t.step('the start form speaks Chinese: placeholders, validation messages, the calendar', async () => {
    dialog = await officer.openStartForm('行政处罚（普通程序）', {});
    t.equal(await fieldValue(dialog, '案件来源'), '请选择', 'an empty select');
    const name = dialog.locator('input[id$="Field_partyName"]');
    await name.fill('某');
    await name.fill('');
    await dialog.locator('input[id$="Field_partyAddress"]').click();
    await t.visible(dialog.locator('.fjs-form-field-error', { hasText: '此项为必填项。' }), 'the required-field message');
    await dialog.locator('input[id$="Field_discoveredDate-date"]').click();
    const months = await dialog.locator('.flatpickr-calendar:visible .flatpickr-monthDropdown-month').allTextContents();
    t.equal(months[0], '一月', 'the first month in the date picker');
    await t.shot(officer.page, 'start-form-chinese');
    await dialog.locator('.fjs-form h2, .fjs-form h1').first().click();
  });

  await t.step('a wrong credit code is refused with a Chinese message; corrected, the case starts', async () => {
    await fillForm(dialog, registration);
    await pickDate(dialog, '发现日期', daysBefore(today, 4)); // picked in the calendar
    const picked = (await fieldValue(dialog, '发现日期')).split('/').map(Number).join('-');
    t.equal(picked, daysBefore(today, 4).split('-').map(Number).join('-'), 'the date the calendar picked');
    const message = await officer.submitStartForm(dialog);
    t.includes(message, '统一社会信用代码格式或校验位错误', 'the refusal the dialog shows');
    t.excludes(message, 'Cannot instantiate', 'the refusal the dialog shows');
    await t.shot(officer.page, 'start-refused');
    await officer.dismissNotifications();
    // the officer corrects the field in the same dialog and starts the case
    await officer.page.locator('.modal-dialog input[id$="Field_partyIdNumber"]').fill('91210100MA0Y6XQ12A');
    t.includes(await officer.submitStartForm(dialog), '流程已启动', 'the start notification');
    await t.shot(officer.page, 'case-started');
  });

  await t.step('赵六 sees the filing approval among claimable tasks, claims it and files the case', async () => {
    leader = await t.tasklist('zhaoliu');
    const form = await leader.openTask('可认领任务', '立案审批', { '当事人': PARTY });
    caseNumber = await fieldValue(form, '案号');
    t.ok(/^市建罚〔\d{4}〕\d+号$/.test(caseNumber), `the case number the form shows: ${caseNumber}`);
    t.state.caseNumber = caseNumber;
    t.equal(await fieldValue(form, '违法行为'), '竣工验收后未移交建设项目档案（质量条例第59条）', 'the violation shown');
    t.ok(!(await leader.formEnabled()), 'the form stays disabled until the leader claims the task');
    for (const dates of await leader.page.locator('ol.tasks-list .dates').allInnerTexts()) {
      t.ok(/[前后]/.test(dates) && !/ago|in \d|days?|minutes?|hours?/.test(dates),
        `due and creation times read in Chinese: “${dates.replace(/\s+/g, ' ')}”`);
    }
    await leader.claim();
    await leader.fill({ '审批意见': '同意立案', '审批意见说明': '事实清楚，符合立案条件' });
    await t.shot(leader.page, 'filing-approval');
    await leader.completeOk();
  });

  await t.step('张三 attaches a site photo in the evidence tab of 调查取证 and sees it with its SHA-256', async () => {
    await officer.page.reload();
    await officer.openTask('我的待办', '调查取证', { '案号': caseNumber });
    const tab = await officer.evidenceTab();
    t.includes(await tab.innerText(), '本任务尚无证据材料。', 'the evidence tab before any upload');
    // a "video" that is not one: refused in Chinese, nothing stored
    const refusal = await officer.uploadEvidence({ name: '现场录像.mp4', mimeType: 'video/mp4',
      buffer: Buffer.from('这不是视频文件') }, `${today}T08:20`);
    t.includes(refusal, '文件内容不是可识别的音频或视频格式', 'the refusal the evidence tab shows');
    t.includes(await tab.innerText(), '本任务尚无证据材料。', 'the evidence list after the refused upload');
    await t.shot(officer.page, 'evidence-refused');
    const shown = await officer.uploadEvidence(PHOTO, `${today}T08:30`);
    t.includes(shown, `已上传：${PHOTO.name}（SHA-256 ${PHOTO_SHA256.slice(0, 16)}…）`, 'the upload confirmation');
    const row = tab.locator('tbody tr', { hasText: PHOTO.name });
    await t.visible(row, 'the uploaded photo in the evidence list');
    const cells = (await row.locator('td').allInnerTexts()).map((c) => c.trim());
    t.equal(cells[2], 'image/jpeg', 'the media type listed');
    t.equal(cells[3], `${PHOTO.buffer.length} 字节`, 'the size listed');
    t.equal(cells[4], `${today} 08:30:00`, 'the capture time listed');
    t.equal(cells[5], '张三', 'the uploader listed, by name');
    t.equal(cells[7], `${PHOTO_SHA256.slice(0, 16)}…`, 'the SHA-256 listed');
    t.equal(await row.locator('td[title]').getAttribute('title'), PHOTO_SHA256, 'the full SHA-256 on the row');
    t.state.evidenceSha256 = PHOTO_SHA256;
    await t.shot(officer.page, 'evidence-attached');
    await officer.formTab();
  });

  await t.step('张三 investigates: without showing credentials the step is refused (Art. 55)', async () => {
    await officer.page.reload();
    const form = await officer.openTask('我的待办', '调查取证', { '案号': caseNumber });
    const offered = await selectOptions(form, '主办执法人员');
    t.ok(offered.some((o) => o.startsWith('张三（执法证号 21010020230001）')), `zhangsan's credential offered: ${offered}`);
    t.ok(!offered.some((o) => o.startsWith('郑十')), `an expired credential is not offered: ${offered}`);
    await officer.fill({
      '主办执法人员': '张三（执法证号 21010020230001）',
      '协办执法人员': '李四（执法证号 21010020230002）',
      '询问笔录编号': '询问〔2026〕1号',
      '证据清单': '询问笔录、现场照片、竣工验收备案表',
    });
    const refusal = await officer.complete();
    t.includes(refusal, '调查或检查时须主动出示执法证件（行政处罚法第五十五条）', 'the refusal the page shows');
    t.excludes(refusal, 'Cannot submit task form', 'the refusal the page shows');
    await t.shot(officer.page, 'investigation-refused');
    await officer.dismissNotifications();
    await officer.fill({ '已向当事人或者有关人员出示执法证件': true });
    await officer.completeOk();
  });

  await t.step('张三 reports the investigation, proposes the fine, delivers the prior notice', async () => {
    await officer.openTask('我的待办', '调查终结报告', { '案号': caseNumber });
    await officer.fill({
      '认定的违法事实': '当事人于工程竣工验收后三个月内未向城建档案管理机构移交建设项目档案',
      '危害后果': '危害后果严重',
    });
    await t.shot(officer.page, 'investigation-report');
    await officer.completeOk();

    const proposal = await officer.openTask('我的待办', '拟定处罚意见', { '案号': caseNumber });
    t.includes(await fieldValue(proposal, '裁量档次'), '', 'the discretion tier from the DMN');
    const min = Number(await fieldValue(proposal, '基准幅度下限'));
    const max = Number(await fieldValue(proposal, '基准幅度上限'));
    t.ok(min <= 80000 && 80000 <= max, `80000 within the benchmark ${min}–${max} the form shows`);
    await officer.fill({ '处罚种类（主罚）': '罚款', '罚款金额': 80000, '其他措施（如责令改正）': '责令限期移交建设项目档案' });
    await t.shot(officer.page, 'proposal');
    await officer.completeOk();

    const notice = await officer.openTask('我的待办', '行政处罚事先告知', { '案号': caseNumber });
    t.equal(await fieldValue(notice, '拟处罚种类'), '罚款', 'the notified penalty');
    await officer.fill({ '事先告知书文号': '市建罚告〔2026〕1号', '送达方式': '直接送达', '送达日期': today });
    await t.shot(officer.page, 'prior-notice');
    await officer.completeOk();

    await officer.openTask('我的待办', '登记陈述申辩、听证申请或放弃', { '案号': caseNumber });
    await officer.fill({ '当事人回应': '书面放弃陈述、申辩和听证权利', '收到日期': today, '书面放弃声明编号': '放弃〔2026〕1号' });
    await t.shot(officer.page, 'party-waiver');
    await officer.completeOk();
  });

  await t.step('王五 claims the legal review and approves it', async () => {
    const reviewer = await t.tasklist('wangwu');
    const form = await reviewer.openTask('可认领任务', '法制审核', { '案号': caseNumber });
    t.equal(await fieldValue(form, '当事人'), PARTY, 'the party shown to the reviewer');
    t.equal(await fieldValue(form, '承办人'), '张三', 'the handler shown to the reviewer');
    t.ok(!(await reviewer.formEnabled()), 'the review form stays disabled until claimed');
    await reviewer.claim();
    // the 办案申请 tab asks for the one extension of the review's period (RULES 1.19); a leader would approve it, and
    // the review, which goes on meanwhile, ends the request when it is completed
    const requests = await reviewer.caseRequestsTab();
    const extend = requests.locator('button', { hasText: '申请延长审核期限' });
    await extend.click();
    await requests.getByText('请填写延长审核期限的理由').waitFor();
    await requests.locator('textarea').fill('需调取施工合同核实违法所得');
    await extend.click();
    await requests.getByText(/已申请延长3个工作日，待负责人审批/).waitFor();
    await t.shot(reviewer.page, 'legal-review-extension');
    await extend.click();
    await requests.getByText('审核期限只能申请延长一次').waitFor();
    await reviewer.formTab();
    await reviewer.fill({
      '1. 执法主体是否合法': '符合',
      '2. 执法人员是否具备执法资格': '符合',
      '3. 执法程序是否合法': '符合',
      '4. 案件事实是否清楚，证据是否合法充分': '符合',
      '5. 适用法律、法规、规章是否准确，裁量基准运用是否适当': '符合',
      '6. 执法是否超越法定权限': '符合',
      '7. 执法文书是否完备、规范': '符合',
      '8. 违法行为是否涉嫌犯罪、需要移送司法机关': '不涉嫌犯罪',
      '审核意见': '主体合法，事实清楚，证据确凿，适用依据正确，程序合法，同意',
      '审核结论': '同意',
    });
    await t.shot(reviewer.page, 'legal-review');
    await reviewer.completeOk();
  });

  await t.step('赵六 claims the decision, sees the review opinion and decides the penalty', async () => {
    await leader.page.reload();
    const form = await leader.openTask('可认领任务', '负责人审批决定', { '案号': caseNumber });
    t.includes(await fieldValue(form, '法制审核意见'), '同意', 'the review opinion shown to the leader');
    t.equal(await fieldValue(form, '已告知的罚款金额'), '80000', 'the notified fine shown to the leader');
    await leader.claim();
    await leader.fill({
      '决定': '给予行政处罚',
      '处罚种类': '罚款',
      '罚款金额': 80000,
      '行政处罚决定书文号': '市建罚决〔2026〕1号',
      '负责人意见': '同意，按拟定意见处罚',
    });
    await t.shot(leader.page, 'leader-decision');
    await leader.completeOk();
  });

  await t.step('the decided case is back with 张三, who delivers the decision; the fine is now due', async () => {
    await officer.page.reload();
    const form = await officer.openTask('我的待办', '送达处罚决定书', { '案号': caseNumber });
    t.equal(await fieldValue(form, '决定书文号'), '市建罚决〔2026〕1号', 'the decision delivered');
    await officer.fill({ '送达方式': '直接送达', '送达日期': today, '送达回证编号': '送达〔2026〕1号' });
    await t.shot(officer.page, 'delivery');
    await officer.completeOk();
    const payment = await officer.openTask('我的待办', '确认罚款缴纳', { '案号': caseNumber });
    t.equal(await fieldValue(payment, '应缴罚款'), '80000', 'the fine due shown on the payment task');
    await t.shot(officer.page, 'payment-waiting');
  });
}
