// 案卷评查 page: reads /api/supervision/scores (supervisors and leaders), sorts by a column header, pages, exports the
// same selection as CSV, and expands each case's findings with the history entries that prove them.
(function () {
  'use strict';
  const state = { sort: 'date', order: 'desc', page: 0, size: 20 };
  const form = document.getElementById('filters');
  const body = document.querySelector('#scores tbody');
  const status = document.getElementById('status');

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
    return node;
  }

  function time(value) {
    if (!value) return '';
    const d = new Date(value);
    const pad = n => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }

  const KINDS = { activity: '环节', task: '任务', variable: '变量', evidence: '证据', pause: '计时中止' };

  function proof(p) {
    const parts = [KINDS[p.kind] || p.kind, p.name || ''];
    if (p.value) parts.push('＝' + p.value);
    if (p.time) parts.push('（' + time(p.time) + '）');
    if (p.id) parts.push('编号 ' + p.id);
    if (p.recordSeq) parts.push('记录链第 ' + p.recordSeq + ' 条');
    return el('li', {}, parts.join(' '));
  }

  function finding(f) {
    const head = f.kind === 'veto' ? '否决项' : '扣 ' + f.points + ' 分';
    return el('div', { class: 'finding ' + f.kind },
      el('strong', {}, f.label + '（' + f.code + '，' + head + '）'),
      (f.notes || []).length ? el('div', {}, f.notes.join('；')) : '',
      el('div', { class: 'basis' }, f.basis || ''),
      el('ul', {}, (f.proofs || []).map(proof)));
  }

  function query(withPage) {
    const params = new URLSearchParams();
    new FormData(form).forEach((v, k) => { if (v !== '') params.set(k, v); });
    params.set('sort', state.sort);
    params.set('order', state.order);
    if (withPage) { params.set('page', state.page); params.set('size', state.size); }
    return params.toString();
  }

  async function load() {
    status.textContent = '正在加载……';
    document.getElementById('export').href = '/api/supervision/scores.csv?' + query(false);
    document.querySelectorAll('th.sortable').forEach(th => {
      th.classList.remove('asc', 'desc');
      if (th.dataset.sort === state.sort) th.classList.add(state.order);
    });
    const response = await fetch('/api/supervision/scores?' + query(true),
      { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const data = await response.json().catch(() => ({}));
    body.innerHTML = '';
    if (!response.ok) {
      status.innerHTML = '';
      status.append(el('span', { class: 'error' }, data.messageZh || ('无法读取评查结果（' + response.status + '）')));
      return;
    }
    status.textContent = `共 ${data.total} 件，合格分数线 ${data.passMark} 分。点击表头“承办部门”“得分”“结案时间”排序。`;
    data.items.forEach(item => {
      const findings = item.findings.length
        ? el('details', {}, el('summary', {}, item.findings.length + ' 项'), item.findings.map(finding))
        : '无';
      body.append(el('tr', {},
        el('td', {}, item.caseNumber || item.businessKey, el('br'), el('span', { class: 'meta' }, item.businessKey)),
        el('td', {}, item.procedureName || item.procedure || ''),
        el('td', {}, item.departmentName), el('td', {}, item.handlerName || item.handlerId), el('td', {}, item.partyName || ''),
        el('td', { class: 'score' }, item.score),
        el('td', {}, el('span', { class: item.passed ? 'pass' : 'fail' }, item.passed ? '合格' : '不合格')),
        el('td', {}, time(item.closedAt)), el('td', {}, 'v' + item.checklistVersion), el('td', {}, findings)));
    });
    const pages = Math.max(1, Math.ceil(data.total / state.size));
    document.getElementById('page').textContent = `第 ${state.page + 1} / ${pages} 页`;
    document.getElementById('prev').disabled = state.page === 0;
    document.getElementById('next').disabled = state.page + 1 >= pages;
  }

  document.querySelectorAll('th.sortable').forEach(th => th.addEventListener('click', () => {
    if (state.sort === th.dataset.sort) state.order = state.order === 'asc' ? 'desc' : 'asc';
    else { state.sort = th.dataset.sort; state.order = th.dataset.sort === 'department' ? 'asc' : 'desc'; }
    state.page = 0;
    load();
  }));
  form.addEventListener('submit', e => { e.preventDefault(); state.page = 0; load(); });
  document.getElementById('prev').addEventListener('click', () => { state.page--; load(); });
  document.getElementById('next').addEventListener('click', () => { state.page++; load(); });

  // procedures and departments for the filters
  fetch('/api/supervision/scores/procedures', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => r.ok ? r.json() : [])
    .then(list => list.forEach(p => form.procedure.append(el('option', { value: p.id }, p.name))))
    .catch(() => {});
  // departments: those the list already names
  fetch('/api/supervision/scores/departments', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => r.ok ? r.json() : [])
    .then(list => list.forEach(d => form.department.append(el('option', { value: d.id }, d.name))))
    .catch(() => {});
  load();
})();
