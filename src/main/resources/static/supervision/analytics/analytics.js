// 执法统计分析: reads /api/supervision/analytics/*; charts with the vendored Apache ECharts.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var charts = {};
  var departments = {};
  var officers = {};
  var RESULTS = { compliant: '未发现问题', rectify: '发现问题需整改', penalty: '发现违法行为需处罚' };
  var STATUSES = { pending: '待公示', published: '已公示', withheld: '不予公示', withdrawn: '已撤回', cancelled: '已取消' };

  function text(v) { return v === null || v === undefined ? '' : String(v); }
  function percent(v) { return v === null || v === undefined ? '—' : (v * 100).toFixed(1) + '%'; }
  function time(v) { return v ? new Date(v).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' }) : ''; }
  function query() {
    var p = new URLSearchParams();
    ['from', 'to', 'department'].forEach(function (n) { if (form.elements[n].value) { p.set(n, form.elements[n].value); } });
    var q = p.toString();
    return q ? '?' + q : '';
  }
  function get(path) {
    return fetch('/api/supervision/analytics/' + path + query(), { credentials: 'same-origin' }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.messageZh || ('加载失败（' + r.status + '）')); }
        return body;
      });
    });
  }
  function chart(id, option) {
    if (!charts[id]) { charts[id] = echarts.init(document.getElementById(id)); }
    option.title = option.title || {};
    option.tooltip = option.tooltip || { trigger: 'axis' };
    charts[id].setOption(option, true);
  }
  function rows(id, list, cells) {
    var tbody = document.getElementById(id); tbody.innerHTML = '';
    if (list.length === 0) {
      var tr = document.createElement('tr'); var td = document.createElement('td');
      td.colSpan = 12; td.textContent = '暂无'; tr.appendChild(td); tbody.appendChild(tr); return;
    }
    list.forEach(function (item) {
      var tr = document.createElement('tr');
      cells(item).forEach(function (v) { var td = document.createElement('td'); td.textContent = text(v); tr.appendChild(td); });
      tbody.appendChild(tr);
    });
  }
  function bar(id, title, names, series) {
    chart(id, { title: { text: title, textStyle: { fontSize: 14 } }, legend: { top: 24 }, grid: { top: 60, bottom: 40 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } }, yAxis: { type: 'value' },
      series: series.map(function (s) { return { name: s.name, type: s.type || 'bar', data: s.data, label: { show: true, position: 'top' } }; }) });
  }

  function load() {
    document.getElementById('error').textContent = '';
    document.querySelectorAll('a[data-csv]').forEach(function (a) {
      a.href = '/api/supervision/analytics/' + a.getAttribute('data-csv') + '/csv' + query();
    });
    var failed = function (e) { document.getElementById('error').textContent = e.message; };
    get('cases').then(function (c) {
      chart('chart-category', { title: { text: '按执法类别', textStyle: { fontSize: 14 } }, tooltip: { trigger: 'item' },
        series: [{ type: 'pie', radius: '60%', data: c.byCategory.map(function (l) { return { name: l.name, value: l.count }; }),
          label: { formatter: '{b}：{c}' } }] });
      bar('chart-department', '按部门', c.byDepartment.map(function (l) { return l.name; }),
        [{ name: '案件数', data: c.byDepartment.map(function (l) { return l.count; }) }]);
      bar('chart-month', '按月份（立案/受理）', c.byMonth.map(function (l) { return l.name; }),
        [{ name: '案件数', type: 'line', data: c.byMonth.map(function (l) { return l.count; }) }]);
    }).catch(failed);
    get('durations').then(function (d) {
      bar('chart-durations', '办理用时（日，自立案/受理/实施至作出决定）', d.map(function (r) { return r.name; }), [
        { name: '平均用时', data: d.map(function (r) { return r.averageDays; }) },
        { name: '90%分位用时', data: d.map(function (r) { return r.p90Days; }) }]);
      rows('durations', d, function (r) {
        return [r.name, r.closed, r.averageDays, r.p90Days, r.statutoryLimit, r.statutoryBasis, r.promisedLimit,
          percent(r.withinStatutory), percent(r.withinPromised)];
      });
    }).catch(failed);
    get('reviews').then(function (d) {
      bar('chart-reviews', '法制审核率、审核未通过率、听证率（%）', d.map(function (r) { return r.name; }), [
        { name: '法制审核率', data: d.map(function (r) { return r.reviewRate === null ? 0 : +(r.reviewRate * 100).toFixed(1); }) },
        { name: '审核未通过率', data: d.map(function (r) { return r.rejectionRate === null ? 0 : +(r.rejectionRate * 100).toFixed(1); }) },
        { name: '听证率', data: d.map(function (r) { return r.hearingRate === null ? 0 : +(r.hearingRate * 100).toFixed(1); }) }]);
      rows('reviews', d, function (r) {
        return [r.name, r.decided, r.reviewed, percent(r.reviewRate), r.reviews, r.rejected, percent(r.rejectionRate),
          r.hearings, percent(r.hearingRate)];
      });
    }).catch(failed);
    get('scores').then(function (s) {
      var note = document.getElementById('scores-note');
      note.textContent = '否决项不合格案卷 ' + s.failed + ' 件（不计入得分段）。';
      bar('chart-scores', '案卷评查得分分布', s.bands.map(function (b) { return b.name; }),
        [{ name: '案卷数', data: s.bands.map(function (b) { return b.count; }) }]);
    }).catch(failed);
    get('workload').then(function (d) {
      d.forEach(function (w) { officers[w.officerId] = w.officerName; });
      bar('chart-workload', '承办人办案量', d.map(function (w) { return w.officerName; }), [
        { name: '在办', data: d.map(function (w) { return w.open; }) },
        { name: '已办结', data: d.map(function (w) { return w.closed; }) }]);
    }).then(function () { return get('risks'); }).then(function (r) {
      document.getElementById('risk-note').textContent = '罚款处于裁量幅度最低或最高 ' + (r.fineEdgeShare * 100) + '% 以内、'
        + '同一承办人办理同一当事人案件达 ' + r.repeatPartyCases + ' 件的，列为风险提示（本机关监督政策，可配置）。';
      var dep = function (id) { return departments[id] || id; };
      var off = function (id) { return officers[id] || id; };
      rows('risk-fines', r.finesAtEdges, function (x) { return [x.caseNumber, dep(x.departmentId), off(x.handlerId), x.partyName, x.fine, x.minFine, x.maxFine]; });
      rows('risk-repeats', r.repeatedParties, function (x) { return [off(x.handlerId), dep(x.departmentId), x.partyName, x.cases, time(x.firstStarted), time(x.lastStarted)]; });
      rows('risk-inspections', r.inspectionsWithoutFollowUp, function (x) { return [x.caseNumber, dep(x.departmentId), off(x.handlerId), x.partyName, RESULTS[x.detail] || x.detail, time(x.endedAt)]; });
      rows('risk-publications', r.latePublications, function (x) { return [x.caseNumber, dep(x.departmentId), off(x.handlerId), time(x.decidedAt), time(x.dueAt), time(x.publishedAt), STATUSES[x.status] || x.status]; });
    }).catch(failed);
  }

  // departments for the filter: the deadline watch lists those the user may choose
  fetch('/api/supervision/deadlines', { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; })
    .then(function (body) {
      if (body) {
        body.departments.forEach(function (d) {
          departments[d.id] = d.name;
          var o = document.createElement('option'); o.value = d.id; o.textContent = d.name; form.elements.department.appendChild(o);
        });
        body.officers.forEach(function (o) { officers[o.id] = o.name; });
      }
      load();
    });
  form.addEventListener('change', load);
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
}());
