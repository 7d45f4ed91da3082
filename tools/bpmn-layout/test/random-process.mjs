// Seeded generator of random but well-formed processes, to check the layout invariants on
// shapes nobody wrote by hand: chains, exclusive splits that join later or end, loops back
// to an earlier join, timer boundary events (one or two per host, on tasks and sub-processes),
// and expanded sub-processes (nested once).
export function randomProcess(seed) {
  let state = seed >>> 0 || 1;
  const rand = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const pick = (n) => Math.floor(rand() * n);
  const names = ['登记', '审查申请材料', '通知当事人补正材料', '作出决定', '送达', '归档', '负责人审批', '集体讨论决定并形成会议纪要', 'Check', 'Notify party'];
  let id = 0;
  const next = (p) => `${p}_${++id}`;
  const out = [];

  // a container: returns its XML body
  function container(depth, size) {
    const lines = [];
    const flow = (s, t, name, cond) => {
      const fid = next('Flow');
      const attrs = `id="${fid}"${name ? ` name="${name}"` : ''} sourceRef="${s}" targetRef="${t}"`;
      lines.push(cond
        ? `<bpmn:sequenceFlow ${attrs}><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${x == ${id}}</bpmn:conditionExpression></bpmn:sequenceFlow>`
        : `<bpmn:sequenceFlow ${attrs} />`);
      return fid;
    };
    const finalEnd = next('End');
    const start = next('Start');
    lines.push(`<bpmn:startEvent id="${start}" name="开始" />`);
    let prev = start;
    const joins = [], tasks = []; // earlier joins and tasks a loop may go back to
    // timer boundary events on a host, each to the last end event (a detour in a lane) or to a
    // task and its own end; sometimes a second, non-interrupting one (a warning) on the same host
    const timers = (host) => {
      for (let k = 0; k === 0 || (k === 1 && rand() < 0.3); k++) {
        const b = next('Boundary'), bt = next('Task');
        const interrupting = k === 0 && rand() < 0.5;
        lines.push(`<bpmn:boundaryEvent id="${b}" name="${k ? '预警' : '期限届满'}" attachedToRef="${host}"${interrupting ? '' : ' cancelActivity="false"'}><bpmn:timerEventDefinition id="${next('Timer')}"><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>`);
        if (rand() < 0.3) {
          flow(b, finalEnd, '超时');
        } else {
          lines.push(`<bpmn:userTask id="${bt}" name="${names[pick(names.length)]}" />`);
          flow(b, bt, rand() < 0.5 ? '超期处理' : '');
          const e = next('End');
          lines.push(`<bpmn:endEvent id="${e}" name="超期结束" />`);
          flow(bt, e);
        }
      }
    };
    for (let i = 0; i < size; i++) {
      const r = rand();
      if (r < 0.15 && depth < 2) {
        const sub = next('Sub');
        lines.push(`<bpmn:subProcess id="${sub}" name="子流程${id}">${container(depth + 1, 2 + pick(3))}</bpmn:subProcess>`);
        flow(prev, sub);
        if (rand() < 0.3) timers(sub);
        prev = sub;
      } else if (r < 0.35) {
        // split: one branch of a few tasks, then join, or an end
        const gw = next('Gateway'), join = next('Join');
        const def = next('Flow');
        lines.push(`<bpmn:exclusiveGateway id="${gw}" name="判断${id}？" default="${def}" />`);
        flow(prev, gw);
        const a = next('Task');
        lines.push(`<bpmn:userTask id="${a}" name="${names[pick(names.length)]}" />`);
        lines.push(`<bpmn:sequenceFlow id="${def}" name="否" sourceRef="${gw}" targetRef="${a}" />`);
        if (rand() < 0.4) {
          const end = next('End');
          lines.push(`<bpmn:endEvent id="${end}" name="终止${id}" />`);
          flow(a, end);
          const b = next('Task');
          lines.push(`<bpmn:userTask id="${b}" name="${names[pick(names.length)]}" />`);
          flow(gw, b, '是', true);
          prev = b;
        } else {
          lines.push(`<bpmn:exclusiveGateway id="${join}" />`);
          let p = a;
          for (let k = pick(3); k > 0; k--) {
            const t = next('Task');
            lines.push(`<bpmn:userTask id="${t}" name="${names[pick(names.length)]}" />`);
            flow(p, t);
            p = t;
          }
          // the branch either joins again or loops back to an earlier join or task
          const back = [...joins, ...tasks];
          if (back.length && rand() < 0.25) flow(p, back[pick(back.length)], '重新办理');
          else flow(p, join);
          flow(gw, join, rand() < 0.5 ? '是' : '', true);
          prev = join;
        }
      } else if (r < 0.5 && joins.length) {
        // loop back to an earlier join
        const gw = next('Gateway'), def = next('Flow');
        lines.push(`<bpmn:exclusiveGateway id="${gw}" name="是否退回${id}？" default="${def}" />`);
        flow(prev, gw);
        flow(gw, joins[pick(joins.length)], '退回', true);
        const t = next('Task');
        lines.push(`<bpmn:userTask id="${t}" name="${names[pick(names.length)]}" />`);
        lines.push(`<bpmn:sequenceFlow id="${def}" sourceRef="${gw}" targetRef="${t}" />`);
        prev = t;
      } else if (r < 0.6) {
        const join = next('Join');
        lines.push(`<bpmn:exclusiveGateway id="${join}" />`);
        flow(prev, join);
        joins.push(join);
        prev = join;
      } else {
        const t = next('Task');
        lines.push(`<bpmn:userTask id="${t}" name="${names[pick(names.length)]}" />`);
        flow(prev, t);
        prev = t;
        tasks.push(t);
        if (rand() < 0.25) timers(t);
      }
    }
    lines.push(`<bpmn:endEvent id="${finalEnd}" name="结束" />`);
    flow(prev, finalEnd);
    // the loop gateways were written before their targets' order; fine for BPMN
    return lines.join('\n');
  }
  out.push(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_${seed}" targetNamespace="http://sunlight.example/bpmn">
<bpmn:process id="random_${seed}" isExecutable="false">
${container(0, 6 + pick(14))}
</bpmn:process>
</bpmn:definitions>
`);
  return out.join('');
}
