// The designers' page: renders /api/procedures (every deployed procedure, latest version) with bpmn-js for the
// diagrams. Runs under the staff login (the webapp session of Tasklist/Cockpit, or HTTP Basic).
(function () {
  'use strict';

  var TYPES = {
    startEvent: '开始事件', endEvent: '结束事件', userTask: '用户任务', businessRuleTask: '业务规则任务（决策表）',
    callActivity: '调用子程序', exclusiveGateway: '排他网关', parallelGateway: '并行网关', eventBasedGateway: '事件网关',
    inclusiveGateway: '包容网关', subProcess: '子流程', boundaryEvent: '边界事件', intermediateCatchEvent: '中间捕获事件',
    intermediateThrowEvent: '中间抛出事件', serviceTask: '服务任务', scriptTask: '脚本任务', sendTask: '发送任务',
    receiveTask: '接收任务', manualTask: '人工任务', task: '任务', sequenceFlow: '顺序流（条件）'
  };
  var FIELD_TYPES = {
    textfield: '文本', textarea: '多行文本', number: '数字', datetime: '日期', checkbox: '勾选', checklist: '多选',
    radio: '单选', select: '下拉选择', taglist: '标签', text: '说明文字', group: '分组'
  };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) {
      if (c != null) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); }
    });
    return node;
  }

  function table(headers, rows) {
    return el('table', {}, [
      el('thead', {}, [el('tr', {}, headers.map(function (h) { return el('th', { text: h }); }))]),
      el('tbody', {}, rows)
    ]);
  }

  function tags(list, cls) {
    return el('span', {}, (list || []).map(function (t) { return el('span', { 'class': 'tag ' + (cls || ''), text: t }); }));
  }

  function cell(text, cls) {
    return el('td', cls ? { 'class': cls, text: text || '' } : { text: text || '' });
  }

  function who(e) {
    if (e.assignee && e.candidateGroups) { return '承办人 ' + e.assignee + '；候选组 ' + e.candidateGroups; }
    return e.candidateGroups ? '候选组 ' + e.candidateGroups : (e.assignee || '');
  }

  function renderProcedure(p) {
    var section = el('section', { 'class': 'procedure', id: p.key, 'data-key': p.key });
    section.appendChild(el('h2', { text: p.name + '（' + p.key + '）' }));
    section.appendChild(el('div', { 'class': 'meta', text: '版本 ' + p.version + (p.versionTag ? '（版本标签 ' + p.versionTag + '）' : '')
      + (p.deployedAt ? '，部署于 ' + new Date(p.deployedAt).toLocaleString('zh-CN') : '') }));
    if (p.documentation) { section.appendChild(el('div', { 'class': 'doc', text: p.documentation })); }

    var canvas = el('div', { 'class': 'diagram', id: 'diagram-' + p.key, 'aria-label': p.name + ' 流程图' });
    section.appendChild(el('h3', { text: '流程图' }));
    section.appendChild(canvas);

    section.appendChild(el('h3', { text: '环节' }));
    section.appendChild(table(['环节', '类型', '办理人', '期限', '表单', '决策 / 子程序', '说明', '引用条文'],
      p.elements.map(function (e) {
        return el('tr', { 'data-element': e.id }, [
          el('td', {}, [el('strong', { text: e.name || '' }), el('br'), el('code', { text: e.id })]),
          cell(TYPES[e.type] || e.type), cell(who(e)), cell(e.dueDate), cell(e.form),
          e.calledProcedure
            ? el('td', {}, [el('a', { href: '#' + e.calledProcedure, text: e.calledProcedure })])
            : cell(e.decision),
          cell((e.condition ? '条件：' + e.condition + (e.documentation ? '\n' : '') : '') + (e.documentation || ''), 'doc-cell'),
          el('td', {}, [tags(e.citations, 'law')])
        ]);
      })));

    section.appendChild(el('h3', { text: '表单（' + p.forms.length + '）' }));
    p.forms.forEach(function (f) {
      section.appendChild(el('h4', { text: (f.title || f.id) + '（' + f.id + '）' }));
      section.appendChild(table(['字段', '变量', '类型', '必填', '仅显示', '仅留档'], f.fields.map(function (x) {
        return el('tr', {}, [cell(x.label), el('td', {}, [el('code', { text: x.key })]), cell(FIELD_TYPES[x.type] || x.type),
          cell(x.required ? '是' : ''), cell(x.displayOnly ? '是' : ''), cell(x.forRecord ? '是' : '')]);
      })));
    });

    section.appendChild(el('h3', { text: '决策表（' + p.decisions.length + '）' }));
    p.decisions.forEach(function (d) {
      section.appendChild(el('h4', { text: d.name + '（' + d.key + '，版本 ' + d.version + '，命中策略 ' + d.hitPolicy + '）' }));
      section.appendChild(el('div', { 'class': 'meta', text: '输入：' + d.inputs.join('、') + '；输出：' + d.outputs.join('、') }));
      var inputs = d.inputs.length;
      section.appendChild(table(['规则'].concat(d.inputs, d.outputs, ['依据（注释）', '引用条文']), d.rules.map(function (r) {
        var cells = [cell(String(r.number))];
        r.when.forEach(function (w) { cells.push(cell(w === '' ? '-' : w)); });
        r.then.forEach(function (x) { cells.push(cell(x)); });
        cells.push(cell(r.annotation, 'doc-cell'), el('td', {}, [tags(r.citations, 'law')]));
        return el('tr', { 'class': 'rule' }, cells);
      })));
      section.lastChild.setAttribute('data-inputs', String(inputs));
    });

    section.appendChild(el('h3', { text: '引用的法律条文（' + p.citations.length + '）' }));
    var cited = table(['法律、法规、规章或文件', '条', '引用处'], p.citations.map(function (c) {
      return el('tr', { 'class': 'citation' }, [cell(c.source), cell(c.article), el('td', {}, [tags(c.citedBy)])]);
    }));
    cited.setAttribute('class', 'citations');
    section.appendChild(cited);
    return section;
  }

  function showDiagram(p, canvas, section) {
    var viewer = new BpmnJS({ container: canvas });
    return fetch('/api/procedures/' + encodeURIComponent(p.key) + '/diagram', { credentials: 'same-origin' })
      .then(function (r) { return r.text(); })
      .then(function (xml) { return viewer.importXML(xml); })
      .then(function () {
        viewer.get('canvas').zoom('fit-viewport');
        canvas.setAttribute('data-rendered', 'true');
        viewer.on('element.click', function (event) {
          var rows = section.querySelectorAll('tr[data-element]');
          rows.forEach(function (row) {
            row.classList.toggle('selected', row.getAttribute('data-element') === event.element.id);
          });
          var row = section.querySelector('tr[data-element="' + event.element.id + '"]');
          if (row) { row.scrollIntoView({ block: 'center' }); }
        });
      })
      .catch(function (err) {
        canvas.setAttribute('data-rendered', 'false');
        canvas.appendChild(el('p', { 'class': 'error', text: /no diagram/i.test(err.message)
          ? '此流程文件尚无图形信息（BPMNDI），无法显示流程图：请在 Camunda Modeler 中布局（或 tools/bpmn-layout）后重新部署。'
          : '流程图无法显示：' + err.message }));
      });
  }

  var main = document.getElementById('procedures');
  fetch('/api/procedures', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) {
      if (r.status === 401) { throw new Error('请先登录（在同一浏览器登录 Tasklist 或 Cockpit 后刷新本页）'); }
      if (!r.ok) { throw new Error('加载失败（HTTP ' + r.status + '）'); }
      return r.json();
    })
    .then(function (procedures) {
      main.innerHTML = '';
      var toc = document.getElementById('toc');
      procedures.forEach(function (p) {
        toc.appendChild(el('a', { href: '#' + p.key, text: p.name }));
        var section = renderProcedure(p);
        main.appendChild(section);
        showDiagram(p, section.querySelector('.diagram'), section);
      });
      if (!procedures.length) { main.appendChild(el('p', { text: '尚未部署任何程序，或您无权查看。' })); }
    })
    .catch(function (err) {
      main.innerHTML = '';
      main.appendChild(el('p', { 'class': 'error', text: err.message }));
    });
})();
