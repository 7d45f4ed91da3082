// Sunlight (supervision): the "评查预检" tab of a task in Tasklist. Before the decision, the handler sees what the case
// file would lose if it were decided and closed now, item by item, with the rule each item enforces — read from
// GET /api/cases/{businessKey}/score/precheck (the handler of the case, supervisors and leaders may read it).

import { el, json } from './dom.js';

export default {
  id: 'sunlight-precheck',
  pluginPoint: 'tasklist.task.detail',
  priority: 40,
  label: '评查预检',
  properties: { label: '评查预检' },

  render(node, { api, taskId }) {
    node.innerHTML = '';
    const root = el('div', { class: 'sunlight-precheck', style: 'padding: 12px;' });
    node.appendChild(root);
    const engine = api.engineApi;
    const headers = { credentials: 'same-origin', headers: { Accept: 'application/json' } };
    const say = (text, color) => { root.innerHTML = ''; root.append(el('p', { style: 'color: ' + (color || '#333') }, text)); };
    say('正在预检……');

    fetch(`${engine}/task/${taskId}`, headers)
      .then(r => r.json())
      .then(task => fetch(`${engine}/process-instance/${task.processInstanceId}`, headers))
      .then(r => r.json())
      .then(instance => fetch(`/api/cases/${encodeURIComponent(instance.businessKey)}/score/precheck`, headers))
      .then(async response => {
        const result = await json(response);
        if (!response.ok) { say(result.messageZh || ('无法预检（' + response.status + '）'), '#c62828'); return; }
        root.innerHTML = '';
        const verdict = result.passed ? '合格' : '不合格';
        root.append(
          el('h4', {}, '若现在作出决定并结案：' + result.score + ' 分（' + verdict + '，合格线 ' + result.passMark + ' 分）'),
          el('p', { class: 'text-muted' }, '按评查标准第 ' + result.checklistVersion + ' 版预检本案已有的记录。否决项任一项即为不合格卷；扣分项从100分中扣除。决定之后的环节（决定书、送达）结案时再查。'));
        if (!result.findings.length) {
          root.append(el('p', { style: 'color: #2e7d32' }, '未发现扣分项。'));
          return;
        }
        const list = el('ul', { style: 'padding-left: 18px;' });
        result.findings.forEach(f => list.append(el('li', { style: 'margin-bottom: 8px;' },
          el('strong', { style: 'color: ' + (f.kind === 'veto' ? '#c62828' : '#e65100') },
            f.label + '（' + (f.kind === 'veto' ? '否决项' : '扣 ' + f.points + ' 分') + '）'),
          (f.notes || []).length ? el('div', {}, f.notes.join('；')) : '',
          el('div', { class: 'text-muted', style: 'font-size: 12px;' }, f.basis || ''))));
        root.append(list);
      })
      .catch(() => say('无法确定本任务所属案件', '#c62828'));
  }
};
