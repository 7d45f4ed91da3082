// Sunlight (record): the "证据材料" tab of a task in Tasklist. Camunda Forms in the 7.24 Tasklist cannot upload files
// (FACTS §2), so evidence goes through Sunlight's API: the file itself is the request body (streamed by the browser,
// never read into memory here), metadata as query parameters, the webapp session and its CSRF token as credentials.

import { cookie, el, json } from './dom.js';

function size(bytes) {
  if (bytes >= 1 << 30) return (bytes / (1 << 30)).toFixed(2) + ' GiB';
  if (bytes >= 1 << 20) return (bytes / (1 << 20)).toFixed(1) + ' MiB';
  if (bytes >= 1 << 10) return (bytes / (1 << 10)).toFixed(1) + ' KiB';
  return bytes + ' 字节';
}

function localDateTime(date) {
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export default {
  id: 'sunlight-evidence',
  pluginPoint: 'tasklist.task.detail',
  priority: 50,
  label: '证据材料',
  properties: { label: '证据材料' },

  render(node, { api, taskId }) {
    node.innerHTML = '';
    const root = el('div', { class: 'sunlight-evidence', style: 'padding: 12px;' });
    node.appendChild(root);
    const status = el('div', { style: 'margin: 8px 0; min-height: 1.5em;' });
    const list = el('div');

    const engine = api.engineApi;
    let businessKey = null;

    const show = (text, ok) => {
      status.textContent = text;
      status.style.color = ok ? '#2e7d32' : '#c62828';
    };

    const load = async () => {
      const response = await fetch(`/api/cases/${encodeURIComponent(businessKey)}/evidence?taskId=${encodeURIComponent(taskId)}`,
        { credentials: 'same-origin', headers: { Accept: 'application/json' } });
      const items = await json(response);
      list.innerHTML = '';
      if (!response.ok) { show(items.messageZh || '无法读取证据材料', false); return; }
      if (!items.length) { list.appendChild(el('p', {}, '本任务尚无证据材料。')); return; }
      const table = el('table', { class: 'table table-condensed', style: 'width: 100%;' },
        el('thead', {}, el('tr', {}, ['编号', '文件名', '类型', '大小', '采集时间', '上传人', '执法证号', 'SHA-256', ''].map(h => el('th', { style: 'white-space: nowrap;' }, h)))));
      const body = el('tbody');
      items.forEach(item => body.appendChild(el('tr', {},
        el('td', {}, item.id), el('td', {}, item.fileName), el('td', {}, item.mediaType), el('td', {}, size(item.sizeBytes)),
        el('td', {}, (item.capturedAt || '').replace('T', ' ')), el('td', {}, item.uploaderName || item.uploaderId), el('td', {}, item.credentialNo || ''),
        el('td', { title: item.sha256, style: 'font-family: monospace;' }, item.sha256.substring(0, 16) + '…'),
        el('td', {}, el('a', { href: `/api/cases/${encodeURIComponent(businessKey)}/evidence/${item.id}/content` }, '下载')))));
      table.appendChild(body);
      list.appendChild(table);
    };

    const file = el('input', { type: 'file', class: 'form-control', style: 'margin-bottom: 6px;' });
    const captured = el('input', { type: 'datetime-local', step: '1', class: 'form-control', style: 'margin-bottom: 6px;' });
    const note = el('input', { type: 'text', class: 'form-control', maxlength: '500', placeholder: '设备说明（如：执法记录仪编号）', style: 'margin-bottom: 6px;' });
    file.addEventListener('change', () => {
      if (file.files[0]) captured.value = localDateTime(new Date(file.files[0].lastModified));
    });
    const button = el('button', { type: 'button', class: 'btn btn-primary' }, '上传证据');
    button.addEventListener('click', async () => {
      const chosen = file.files[0];
      if (!chosen) { show('请选择文件', false); return; }
      if (!captured.value) { show('请填写采集时间', false); return; }
      button.disabled = true;
      show('正在上传 ' + chosen.name + '（' + size(chosen.size) + '）…', true);
      // the browser's local time, sent with its offset: the server files it in the department's zone
      const capturedAt = new Date(captured.value);
      if (isNaN(capturedAt)) { show('采集时间格式错误', false); button.disabled = false; return; }
      const query = new URLSearchParams({ taskId, fileName: chosen.name, capturedAt: capturedAt.toISOString() });
      if (note.value.trim()) query.set('deviceNote', note.value.trim());
      try {
        const response = await fetch(`/api/cases/${encodeURIComponent(businessKey)}/evidence?${query}`, {
          method: 'POST', credentials: 'same-origin', body: chosen,
          headers: { 'Content-Type': chosen.type || 'application/octet-stream', 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') || api.CSRFToken }
        });
        const answer = await json(response);
        if (response.ok) {
          show(answer.message ? answer.message.split(' / ')[0] : '已上传：' + chosen.name + '（SHA-256 ' + answer.item.sha256.substring(0, 16) + '…）', true);
          file.value = '';
          await load();
        } else {
          show(answer.messageZh || ('上传失败（' + response.status + '）'), false);
        }
      } catch (e) {
        show('上传中断，未保存任何内容，请重试', false);
      } finally {
        button.disabled = false;
      }
    });

    root.append(
      el('h4', {}, '证据材料（音像与书证）'),
      el('p', { class: 'text-muted' }, '照片、录音、录像、扫描件等。须全程音像记录的环节（查封、扣押、强制拆除等），完成任务前须上传至少一份音频或视频。'),
      list,
      el('div', { style: 'margin-top: 12px; max-width: 520px;' },
        el('label', {}, '文件'), file, el('label', {}, '采集时间'), captured, el('label', {}, '设备说明'), note, button),
      status);

    fetch(`${engine}/task/${taskId}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(r => r.json())
      .then(task => fetch(`${engine}/process-instance/${task.processInstanceId}`, { credentials: 'same-origin', headers: { Accept: 'application/json' } }))
      .then(r => r.json())
      .then(instance => { businessKey = instance.businessKey; return load(); })
      .catch(() => show('无法确定本任务所属案件', false));
  }
};
