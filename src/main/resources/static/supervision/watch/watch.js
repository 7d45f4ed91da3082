// 期限监督: reads /api/supervision/deadlines with the chosen filters; nothing here changes a case.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var LIMITS = { statutory: '法定时限', promised: '承诺时限' };
  var STAGES = { overdue: '已超期', nearing: '即将到期' };

  function text(value) { return value === null || value === undefined ? '' : String(value); }
  function time(value) {
    if (!value) { return ''; }
    return new Date(value).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  }
  function cell(tr, value) { var td = document.createElement('td'); td.textContent = text(value); tr.appendChild(td); }
  function query() {
    var params = new URLSearchParams();
    ['department', 'officer', 'state'].forEach(function (name) {
      if (form.elements[name].value) { params.set(name, form.elements[name].value); }
    });
    return params.toString();
  }
  function fill(select, options) {
    if (select.options.length > 1) { return; }
    options.forEach(function (o) { var opt = document.createElement('option'); opt.value = o.id; opt.textContent = o.name; select.appendChild(opt); });
  }
  function fail(tbody, columns, response, body) {
    tbody.innerHTML = '';
    var tr = document.createElement('tr'); var td = document.createElement('td');
    td.colSpan = columns; td.className = 'error';
    td.textContent = (body && body.messageZh) || ('加载失败（' + response.status + '）');
    tr.appendChild(td); tbody.appendChild(tr);
  }
  function load() {
    var q = query();
    document.getElementById('csv').href = '/api/supervision/deadlines/csv' + (q ? '?' + q : '');
    fetch('/api/supervision/deadlines' + (q ? '?' + q : ''), { credentials: 'same-origin' }).then(function (r) {
      return r.json().then(function (body) { return { r: r, body: body }; });
    }).then(function (x) {
      var tbody = document.getElementById('rows');
      if (!x.r.ok) { fail(tbody, 12, x.r, x.body); return; }
      fill(form.elements.department, x.body.departments);
      fill(form.elements.officer, x.body.officers);
      tbody.innerHTML = '';
      document.getElementById('summary').textContent = '共 ' + x.body.items.length + ' 项；到期前 '
        + x.body.warningWorkingDays + ' 个工作日起列为“即将到期”。';
      if (x.body.items.length === 0) {
        var empty = document.createElement('tr'); cell(empty, '没有即将到期、已超期或期限中止的事项'); empty.firstChild.colSpan = 12;
        tbody.appendChild(empty);
      }
      x.body.items.forEach(function (i) {
        var tr = document.createElement('tr'); tr.className = i.state;
        cell(tr, i.stateName); cell(tr, i.caseNumber); cell(tr, i.procedureName); cell(tr, i.departmentName);
        cell(tr, i.officerName); cell(tr, i.partyName); cell(tr, i.taskName || '（全案）'); cell(tr, i.limitName);
        cell(tr, i.basis); cell(tr, time(i.dueAt)); cell(tr, i.workingDaysLeft);
        cell(tr, i.pause ? i.pause.reason + '（' + time(i.pause.pausedAt) + '起，已中止' + i.pause.pausedWorkingDays + '个工作日）' : '');
        tbody.appendChild(tr);
      });
    });
    var d = form.elements.department.value;
    fetch('/api/supervision/deadlines/escalations' + (d ? '?department=' + encodeURIComponent(d) : ''),
      { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : []; }).then(function (list) {
      var tbody = document.getElementById('escalations'); tbody.innerHTML = '';
      list.forEach(function (e) {
        var tr = document.createElement('tr');
        cell(tr, e.caseNumber); cell(tr, LIMITS[e.limitKind] || e.limitKind); cell(tr, STAGES[e.stage] || e.stage);
        cell(tr, time(e.dueAt)); cell(tr, time(e.escalatedAt)); tbody.appendChild(tr);
      });
    });
  }
  function percent(v) { return v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%'; }
  function limits() {
    Promise.all([
      fetch('/api/supervision/deadlines/limits', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : []; }),
      fetch('/api/supervision/analytics/durations', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : []; })
    ]).then(function (x) {
      var shares = {};
      x[1].forEach(function (d) { shares[d.processKey] = d; });
      var tbody = document.getElementById('limits'); tbody.innerHTML = '';
      x[0].forEach(function (l) {
        // the analytics measure a procedure as a whole: its shares go on its own row, not on a kind's
        var d = l.variant ? null : shares[l.processKey];
        var tr = document.createElement('tr');
        [l.name, l.statutory, l.statutoryBasis, l.promised, l.promisedBasis, d ? d.closed : '—',
          d ? percent(d.withinStatutory) : '—', d ? percent(d.withinPromised) : '—'].forEach(function (v) { cell(tr, v); });
        tbody.appendChild(tr);
      });
    });
  }
  form.addEventListener('change', load);
  load();
  limits();
}());
