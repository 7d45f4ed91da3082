// Sunlight (record): the "全过程记录" tab of a process instance in Cockpit — the case's whole-process record from
// Sunlight's API (GET /api/cases/{businessKey}/record and /record/verify), read with the webapp session.

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => { if (k === 'style') node.style.cssText = v; else node.setAttribute(k, v); });
  children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return node;
}

function time(value) {
  if (!value) return '';
  const date = new Date(value);
  if (isNaN(date)) return String(value).replace('T', ' ');
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

function show(value) {
  if (value === null || value === undefined) return '（无）';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function describe(item) {
  const d = item.details || {};
  switch (item.kind) {
    case 'task':
      return [`创建 ${time(d.created)}`, d.claimed ? `认领 ${time(d.claimed)}（${d.claimedBy}）` : null,
        `完成 ${d.completed ? time(d.completed) : '未完成'}`, d.due ? `期限 ${time(d.due)}（${d.timelinessZh}）` : null,
        d.credentialNo ? `执法证 ${d.credentialNo}` : null].filter(Boolean).join('；');
    case 'form': case 'variables':
      // the field's label and the option's label as the form showed them, where a form showed the value
      return (d.changes || []).map(c => `${c.label || c.variable}：${c.oldZh != null ? c.oldZh : show(c.old)} → ${c.newZh != null ? c.newZh : show(c.new)}`).join('\n');
    case 'decision':
      return `第 ${d.version} 版；输入 ` + (d.inputs || []).map(i => `${i.clause}=${show(i.value)}`).join('，')
        + '；输出 ' + (d.outputs || []).map(o => `${o.variable}=${show(o.value)}`).join('，');
    case 'comment': return d.message || '';
    case 'evidence': return `${d.fileName}（${d.mediaType}，${d.sizeBytes} 字节）SHA-256 ${d.sha256}`;
    case 'operation': return (d.properties || []).map(p => `${p.property}：${show(p.old)} → ${show(p.new)}`).join('\n');
    case 'incident': return d.message || '';
    default: return '';
  }
}

/**
 * Renders the whole-process record of the case with this business key into root: the chain's verification, the case,
 * its links and the timeline. Shared by the process-instance tab and the dashboard's lookup of closed cases.
 */
export async function renderRecord(root, key) {
  const get = url => fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(async r => ({ ok: r.ok, body: await r.json().catch(() => ({})) }));
  try {
    const base = `/api/cases/${encodeURIComponent(key)}/record`;
    const [record, verify] = await Promise.all([get(base), get(`${base}/verify`)]);
    root.innerHTML = '';
    if (!record.ok) { root.textContent = record.body.messageZh || '无权查看该案件的全过程记录'; return; }
    const info = record.body.caseInfo;
    const v = verify.body;
    root.append(
      el('div', { style: `padding: 8px 12px; margin-bottom: 10px; border-radius: 4px; color: #fff; background: ${v.intact ? '#2e7d32' : '#c62828'};` },
        v.intact ? `完整性校验：完整（哈希链 ${v.entries} 条记录，链头 ${v.headSeq}:${(v.headHash || '').substring(0, 16)}…）`
          : `完整性校验：发现改动 — ${v.firstBroken ? v.firstBroken.messageZh : ''}（共 ${(v.findings || []).length} 处）`),
      el('div', { style: 'margin-bottom: 8px;' },
        el('strong', {}, `${info.caseNumber}　${info.partyName || ''}`), `　承办：${info.departmentName || ''} ${info.handlerName || ''}　状态：${info.statusZh || info.status}　`,
        el('a', { href: `${base}/case-file.pdf` }, '导出案卷（PDF）'), '　', el('a', { href: `${base}/case-file.zip` }, '导出案卷（ZIP）')));
    if ((record.body.links || []).length) {
      root.append(el('div', { style: 'margin-bottom: 8px;' }, '关联案件：',
        record.body.links.map(l => `${l.caseNumber || l.businessKey}（${l.descriptionZh}）`).join('；')));
    }
    const table = el('table', { class: 'cam-table', style: 'width: 100%;' },
      el('thead', {}, el('tr', {}, ['时间', '环节', '类别', '事项', '办理人', '详情'].map(h => el('th', { style: 'white-space: nowrap;' }, h)))));
    const body = el('tbody');
    (record.body.items || []).forEach(item => body.appendChild(el('tr', {},
      el('td', { style: 'white-space: nowrap;' }, time(item.time)), el('td', { style: 'white-space: nowrap;' }, item.stageZh),
      el('td', { style: 'white-space: nowrap;' }, item.kindZh),
      el('td', {}, item.title), el('td', {}, item.userName || ''),
      el('td', { style: 'white-space: pre-line; word-break: break-all;' }, describe(item)))));
    table.appendChild(body);
    root.appendChild(table);
  } catch (e) {
    root.textContent = '无法读取全过程记录';
  }
}

export default {
  id: 'sunlight-record',
  pluginPoint: 'cockpit.processInstance.runtime.tab',
  priority: 5,
  label: '全过程记录',
  properties: { label: '全过程记录' },

  render(node, { api, processInstanceId }) {
    node.innerHTML = '';
    const root = el('div', { class: 'sunlight-record', style: 'padding: 10px; font-size: 13px;' }, '正在读取全过程记录…');
    node.appendChild(root);
    fetch(`${api.engineApi}/process-instance/${processInstanceId}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(r => r.json()).then(instance => {
        if (!instance.businessKey) { root.textContent = '该流程实例不属于任何案件。'; return; }
        return renderRecord(root, instance.businessKey);
      }).catch(() => { root.textContent = '无法读取全过程记录'; });
  }
};
