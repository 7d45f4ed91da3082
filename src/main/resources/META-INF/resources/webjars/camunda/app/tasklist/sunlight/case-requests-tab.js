// Sunlight: the "办案申请" tab of a task in Tasklist — requests an officer registers beside the case's own tasks, which
// go on meanwhile:
//  - on a task of a general-procedure penalty case, between filing and the decision (penalty):
//    a request for 先行登记保存 (行政处罚法第五十六条): POST /api/cases/{businessKey}/preservations, approved by a leader;
//    the party's recusal application (回避, 第四十三条): POST /api/cases/{businessKey}/recusals, decided by a leader;
//    after the response window expired, a statement or hearing request received within it but not yet registered
//    (第六十二条、第六十四条第一项): POST /api/cases/{businessKey}/late-responses, the case goes to the review or hearing;
//  - on the legal review task (review): the claiming reviewer asks, once and before the review falls due, to extend
//    its time limit (RULES 1.19, local policy): POST /api/reviews/tasks/{taskId}/extension, approved by a leader.
// Sunlight checks everything and answers in Chinese (and English); a refused request changes nothing. Credentials: the
// webapp session and its CSRF token.

import { cookie, el, json } from './dom.js';

function select(options) {
  return el('select', { class: 'form-control' }, options.map(([value, label]) => el('option', { value }, label)));
}

function today() {
  const d = new Date();
  const pad = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export default {
  id: 'sunlight-case-requests',
  pluginPoint: 'tasklist.task.detail',
  priority: 30,
  label: '办案申请',
  properties: { label: '办案申请' },

  render(node, { api, taskId }) {
    node.innerHTML = '';
    const root = el('div', { class: 'sunlight-case-requests', style: 'padding: 12px; max-width: 560px;' });
    node.appendChild(root);
    const engine = api.engineApi;
    const get = { credentials: 'same-origin', headers: { Accept: 'application/json' } };
    let businessKey = null;

    const status = el('div', { style: 'margin: 8px 0; min-height: 1.5em;' });
    const show = (text, ok) => { status.textContent = text; status.style.color = ok ? '#2e7d32' : '#c62828'; };

    async function send(url, body, button, done) {
      button.disabled = true;
      show('提交中……', true);
      try {
        const response = await fetch(url, {
          method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
          headers: { 'Content-Type': 'application/json', Accept: 'application/json',
            'X-XSRF-TOKEN': cookie('XSRF-TOKEN') || api.CSRFToken }
        });
        const result = await json(response);
        show(response.ok ? (done ? done(result) : (result.message || '已登记').split(' / ')[0])
          : (result.messageZh || ('提交失败（' + response.status + '）')), response.ok);
      } catch (e) {
        show('提交中断，未登记任何内容，请重试', false);
      } finally {
        button.disabled = false;
      }
    }

    const items = el('textarea', { class: 'form-control', rows: '3', maxlength: '4000' });
    const reason = el('textarea', { class: 'form-control', rows: '2', maxlength: '2000' });
    const place = el('input', { class: 'form-control', maxlength: '200' });
    const storage = select([['onSite', '就地保存'], ['offSite', '异地保存']]);
    const preserve = el('button', { class: 'btn btn-default', type: 'button', style: 'margin-top: 8px;' }, '提交先行登记保存申请');
    const onCase = path => `/api/cases/${encodeURIComponent(businessKey)}/${path}`;
    preserve.addEventListener('click', () => send(onCase('preservations'), {
      items: items.value, reason: reason.value, place: place.value, storage: storage.value }, preserve));

    const officer = el('input', { class: 'form-control', maxlength: '64', placeholder: '执法人员用户名，如 zhangsan' });
    const ground = select([['direct-interest', '与案件有直接利害关系'], ['other-relation', '有其他关系可能影响公正执法']]);
    const why = el('textarea', { class: 'form-control', rows: '2', maxlength: '2000' });
    const applied = el('input', { class: 'form-control', type: 'date', value: today() });
    const form = select([['written', '书面申请'], ['oral', '口头申请（已记录）']]);
    const applicant = el('input', { class: 'form-control', maxlength: '100', placeholder: '默认为当事人' });
    const recuse = el('button', { class: 'btn btn-default', type: 'button', style: 'margin-top: 8px;' }, '登记回避申请');
    recuse.addEventListener('click', () => send(onCase('recusals'), {
      officer: officer.value.trim(), ground: ground.value, reason: why.value, appliedDate: applied.value,
      form: form.value, applicant: applicant.value }, recuse));

    const lateType = select([['statement', '陈述、申辩'], ['hearingRequest', '要求听证']]);
    const lateReceived = el('input', { class: 'form-control', type: 'date' });
    const lateContent = el('textarea', { class: 'form-control', rows: '3', maxlength: '2000' });
    const registerLate = el('button', { class: 'btn btn-default', type: 'button', style: 'margin-top: 8px;' }, '补登记');
    registerLate.addEventListener('click', () => send(onCase('late-responses'), lateType.value === 'statement'
      ? { responseType: 'statement', receivedDate: lateReceived.value, statementContent: lateContent.value }
      : { responseType: 'hearingRequest', receivedDate: lateReceived.value }, registerLate));

    const penaltyRequests = () => root.append(
      el('h4', {}, '先行登记保存（行政处罚法第五十六条）'),
      el('p', { class: 'text-muted' }, '证据可能灭失或者以后难以取得的，经负责人批准可以先行登记保存，并应当在七个工作日内作出处理决定。'),
      el('label', {}, '证据（物品）清单'), items, el('label', {}, '证据可能灭失或者以后难以取得的情形'), reason,
      el('label', {}, '保存地点'), place, el('label', {}, '保存方式'), storage, preserve,
      el('h4', { style: 'margin-top: 20px;' }, '当事人申请回避（行政处罚法第四十三条）'),
      el('p', { class: 'text-muted' }, '由负责人决定；决定作出之前，不停止调查。'),
      el('label', {}, '被申请回避的执法人员'), officer, el('label', {}, '理由类别'), ground,
      el('label', {}, '申请回避的事实和理由'), why, el('label', {}, '申请日期'), applied,
      el('label', {}, '申请方式'), form, el('label', {}, '申请人'), applicant, recuse,
      el('h4', { style: 'margin-top: 20px;' }, '补登记期限内收到的陈述申辩或听证申请（行政处罚法第六十二条、第六十四条第一项）'),
      el('p', { class: 'text-muted' }, '期限届满后、作出决定前，登记期限内已收到但尚未登记的陈述申辩或听证申请；期限届满后才收到的不予登记。'),
      el('label', {}, '回应方式'), lateType, el('label', {}, '收到日期'), lateReceived,
      el('label', {}, '陈述、申辩内容（要求听证的不填）'), lateContent, registerLate,
      status);

    const extensionReason = el('textarea', { class: 'form-control', rows: '3', maxlength: '500' });
    const extend = el('button', { class: 'btn btn-default', type: 'button', style: 'margin-top: 8px;' }, '申请延长审核期限');
    extend.addEventListener('click', () => send(`/api/reviews/tasks/${encodeURIComponent(taskId)}/extension`,
      { reason: extensionReason.value }, extend,
      result => `已申请延长${result.extensionWorkingDays}个工作日，待负责人审批；审批前仍按原期限（${
        new Date(result.reviewDue).toLocaleDateString('zh-CN')}）办理。`));
    const reviewRequests = () => root.append(
      el('h4', {}, '申请延长法制审核期限'),
      el('p', { class: 'text-muted' }, '已认领本任务的审核人员可在审核期限届满前说明理由申请延长一次，由负责人审批；审核不因申请而中断。'),
      el('label', {}, '延长理由'), extensionReason, extend,
      status);

    fetch(`${engine}/task/${taskId}`, get)
      .then(r => r.json())
      .then(task => {
        const definition = String(task.processDefinitionId || '');
        if (definition.startsWith('legal-review:') && task.taskDefinitionKey === 'Task_LegalReview') {
          reviewRequests();
          return null;
        }
        if (!definition.startsWith('penalty-general:')) {
          root.append(el('p', { class: 'text-muted' }, '本任务没有可登记的办案申请。'));
          return null;
        }
        penaltyRequests();
        return fetch(`${engine}/process-instance/${task.processInstanceId}`, get)
          .then(r => r.json())
          .then(instance => { businessKey = instance.businessKey; });
      })
      .catch(() => { root.append(status); show('无法确定本任务所属案件', false); });
  }
};
