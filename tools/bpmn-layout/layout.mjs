#!/usr/bin/env node
// Writes fresh, left-to-right BPMNDI into hand-written BPMN files.
//
//   node tools/bpmn-layout/layout.mjs processes/a.bpmn [more.bpmn ...]
//
// Each file is read with bpmn-moddle (+ the Camunda descriptor, so camunda:* attributes
// and extension elements round-trip typed), its old bpmndi:BPMNDiagram is dropped, missing
// <bpmn:incoming>/<bpmn:outgoing> references are filled in from the sequence flows, and a
// new diagram is computed per process. The semantic part is written back unchanged.
//
// Layout, per container (process and every expanded sub-process, innermost first, so a
// sub-process is sized from its content):
//   1. Back edges (loops) = flows into a node on the DFS stack, DFS from the start events.
//   2. Column = longest path over the other flows (a boundary event's flows count as its host's).
//   3. Rows on a grid, in DFS preorder: the outgoing flow with the longest path onwards (ties:
//      document order) continues the row; other branches and boundary-event targets take the
//      first row below whose cells the flow would run through are free.
//   4. Each flow gets a route kind on the grid: straight, down/up (one vertical in a column
//      gap, where no other node's flows would meet it), drop (boundary event: down, then
//      right), or a lane below the rows for loops and detours.
//   5. Coordinates: column widths from the widest shape or label; each row is placed run by run
//      just below what its columns already hold (a tall sub-process only pushes down what is
//      under it), lanes go just below the columns they span.
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const camundaDescriptor = require('camunda-bpmn-moddle/resources/camunda.json');

export function createModdle() {
  return new BpmnModdle({ camunda: camundaDescriptor });
}

const GAP_X = 60; // between columns (widened for flow labels)
const GAP_Y = 50; // between rows, below labels and loop lanes
const BEND = 15; // distance of a vertical segment from the column border
const LANE_TOP = 20; // distance of the first loop lane below a row (and its labels)
const LANE_STEP = 12; // distance between parallel loop lanes
const SUB_PAD = { left: 30, right: 30, top: 45, bottom: 30 };
const ORIGIN = { x: 150, y: 80 };
const LABEL_MAX_W = 100;
const LINE_H = 14;

const is = (el, type) => !!el && el.$instanceOf(type);
const isEventSubProcess = (el) => is(el, 'bpmn:SubProcess') && el.triggeredByEvent;
const hasExternalLabel = (el) => is(el, 'bpmn:Event') || is(el, 'bpmn:Gateway');

// ---------------------------------------------------------------- text metrics
function textWidth(text) {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0);
    w += c >= 0x2e80 ? 11 : c === 32 ? 3 : ch >= 'A' && ch <= 'Z' ? 7.5 : 6;
  }
  return w;
}

function labelSize(text) {
  if (!text) return { w: 0, h: 0 };
  const w = textWidth(text);
  if (w <= LABEL_MAX_W) return { w: Math.ceil(w) + 8, h: LINE_H };
  return { w: LABEL_MAX_W + 8, h: Math.ceil((w * 1.1) / LABEL_MAX_W) * LINE_H };
}

function shapeSize(el, subSizes) {
  if (is(el, 'bpmn:SubProcess')) return subSizes.get(el);
  if (is(el, 'bpmn:Event')) return { w: 36, h: 36 };
  if (is(el, 'bpmn:Gateway')) return { w: 50, h: 50 };
  // bpmn-js wraps a task name in three lines from about 14 CJK characters on, over the icon
  return { w: textWidth(el.name || '') > 150 ? 130 : 100, h: 80 };
}

// ---------------------------------------------------------------- grid planning
class Grid {
  constructor() { this.cells = new Map(); }
  key(c, r) { return c + ':' + r; }
  get(c, r) { return this.cells.get(this.key(c, r)); }
  set(c, r, v) { this.cells.set(this.key(c, r), v); }
  // A cell holds a node, 'edge' (a flow runs through it) or 'exit' (a flow turns down in the gap
  // right of it). true when no cell in columns [c1, c2] of row r is taken (by a node, or anything)
  free(c1, c2, r, nodesOnly = false) {
    for (let c = c1; c <= c2; c++) {
      const v = this.get(c, r);
      if (v && (!nodesOnly || typeof v === 'object')) return false;
    }
    return true;
  }
  // true when no cell in rows [r1, r2] of column c is taken
  colFree(c, r1, r2, nodesOnly = true) {
    for (let r = r1; r <= r2; r++) if (!this.free(c, c, r, nodesOnly)) return false;
    return true;
  }
}

/** Lays out one container; returns shapes/edges/labels in container-relative coordinates. */
function layoutContainer(container, warn) {
  const elements = container.flowElements || [];
  const nodes = elements.filter((e) => is(e, 'bpmn:FlowNode') && !is(e, 'bpmn:BoundaryEvent') && !isEventSubProcess(e));
  const eventSubs = elements.filter(isEventSubProcess);
  const boundaries = elements.filter((e) => is(e, 'bpmn:BoundaryEvent'));
  const flows = elements.filter((e) => is(e, 'bpmn:SequenceFlow'));
  for (const e of elements) {
    if (!is(e, 'bpmn:FlowNode') && !is(e, 'bpmn:SequenceFlow') && !is(e, 'bpmn:DataObject')) {
      warn(`${e.$type} ${e.id}: not drawn (only flow nodes and sequence flows are laid out)`);
    }
  }
  for (const a of container.artifacts || []) warn(`${a.$type} ${a.id}: not drawn (artifacts are not laid out)`);
  if ((container.laneSets || []).length || container.childLaneSet) throw new Error(`lanes are not supported (in ${container.id})`);

  // expanded sub-processes first: their size comes from their content
  const subLayouts = new Map();
  const subSizes = new Map();
  for (const sub of [...nodes, ...eventSubs].filter((n) => is(n, 'bpmn:SubProcess'))) {
    const inner = layoutContainer(sub, warn);
    subLayouts.set(sub, inner);
    subSizes.set(sub, {
      w: Math.max(Math.ceil(inner.width) + SUB_PAD.left + SUB_PAD.right, 200), // whole: boundary
      h: Math.max(Math.ceil(inner.height) + SUB_PAD.top + SUB_PAD.bottom, 120) // events stay on the edge
    });
  }

  const nodeSet = new Set(nodes);
  const hostOf = (n) => (is(n, 'bpmn:BoundaryEvent') ? n.attachedToRef : n);
  const boundariesOf = new Map(nodes.map((n) => [n, []]));
  for (const b of boundaries) {
    if (!nodeSet.has(b.attachedToRef)) throw new Error(`boundary event ${b.id}: host ${b.attachedToRef && b.attachedToRef.id} not in ${container.id}`);
    boundariesOf.get(b.attachedToRef).push(b);
  }
  const drawnFlows = flows.filter((f) => {
    const ok = nodeSet.has(hostOf(f.sourceRef)) && nodeSet.has(f.targetRef);
    if (!ok) warn(`sequence flow ${f.id}: source or target outside ${container.id}, not drawn`);
    return ok;
  });

  // out-edges per node: own flows, then the flows of its boundary events
  const flowSet = new Set(drawnFlows);
  const outs = new Map();
  for (const n of nodes) {
    const own = (n.outgoing || []).filter((f) => flowSet.has(f));
    // boundary events sit left to right in document order; the right one's flow is placed first,
    // so it takes the upper row and the left one's drop does not cross it
    const viaBoundary = boundariesOf.get(n).slice().reverse().flatMap((b) => (b.outgoing || []).filter((f) => flowSet.has(f)));
    outs.set(n, [...own, ...viaBoundary]);
  }

  // 1. DFS: back edges (flows into a node on the DFS stack), preorder, discovering edge
  const dfs = () => {
    const state = new Map(), back = new Set(), preorder = [], parentEdge = new Map(), finish = [];
    const visit = (n) => {
      state.set(n, 1);
      preorder.push(n);
      for (const f of outs.get(n)) {
        const t = f.targetRef;
        if (state.get(t) === 1) back.add(f);
        else if (!state.get(t)) { parentEdge.set(t, f); visit(t); }
      }
      state.set(n, 2);
      finish.push(n);
    };
    for (const n of [...nodes.filter((x) => is(x, 'bpmn:StartEvent')), ...nodes]) if (!state.get(n)) visit(n);
    return { back, preorder, parentEdge, finish };
  };
  // The flow that continues the row is the one leading to the longest path onwards (so the
  // main line stays straight and dead ends or rework branches hang below); ties keep the
  // document order. A second DFS then visits that flow first.
  const first = dfs();
  const height = new Map();
  for (const n of first.finish) {
    height.set(n, Math.max(0, ...outs.get(n).filter((f) => !first.back.has(f)).map((f) => height.get(f.targetRef) + 1)));
  }
  for (const n of nodes) {
    const own = outs.get(n).filter((f) => f.sourceRef === n);
    const score = (f) => (first.back.has(f) ? -1 : height.get(f.targetRef));
    const best = own.reduce((a, f) => (score(f) > score(a) ? f : a), own[0]);
    if (best) outs.set(n, [best, ...outs.get(n).filter((f) => f !== best)]);
  }
  const { back, preorder, parentEdge, finish } = dfs();

  // 2. layers: longest path, relaxed in topological (reverse finishing) order
  const layer = new Map(nodes.map((n) => [n, 0]));
  for (const n of finish.slice().reverse()) {
    for (const f of outs.get(n)) {
      if (!back.has(f)) layer.set(f.targetRef, Math.max(layer.get(f.targetRef), layer.get(n) + 1));
    }
  }

  // 3. rows, in DFS preorder. A node takes the first row from its start row on where it and the
  // flow into it fit. Rows below everything placed so far are empty, so a row always fits by
  // then; not finding one is a bug in a fit test and fails instead of searching forever.
  const grid = new Grid();
  const row = new Map();
  let rowsUsed = 0;
  const firstRow = (r0, fits, what) => {
    for (let r = r0; r <= Math.max(r0, rowsUsed); r++) if (fits(r)) return r;
    throw new Error(`layout bug: no free row for ${what} in ${container.id}`);
  };
  for (const n of preorder) {
    const c = layer.get(n);
    const f = parentEdge.get(n);
    // a node without outgoing flows may stand beside another flow's way down
    const fits = (r) => !grid.get(c, r) || (grid.get(c, r) === 'exit' && !outs.get(n).length);
    let r;
    if (!f) r = firstRow(0, fits, `${n.id} (not reached from a start event)`);
    else {
      const src = hostOf(f.sourceRef);
      const cs = layer.get(src);
      const rs = row.get(src);
      const rightOf = (r) => grid.free(cs + 1, c - 1, r) && fits(r);
      if (src !== f.sourceRef) {
        // boundary flow: down the host column, then right along row r. The drop may pass the
        // flows of the host's other boundary events, not a node; below a node it is a detour.
        const drops = (r) => grid.colFree(cs, rs + 1, r);
        r = firstRow(rs + 1, (r) => (!drops(r) || grid.free(cs, cs, r)) && rightOf(r),
          `${n.id}, target of boundary event ${f.sourceRef.id} on ${src.id}`);
        if (drops(r)) for (let rr = rs + 1; rr <= r; rr++) grid.set(cs, rr, 'edge');
      } else {
        const continues = f === outs.get(src)[0];
        r = firstRow(continues ? rs : rs + 1, rightOf, `${n.id}, target of ${f.id} from ${src.id}`);
        // a branch to a lower row turns down in the gap right of its source: no node with
        // outgoing flows may later take the source column beside that vertical (see 4a)
        for (let rr = rs + 1; rr <= r; rr++) if (!grid.get(cs, rr)) grid.set(cs, rr, 'exit');
      }
      for (let cc = cs + 1; cc < c; cc++) grid.set(cc, r, 'edge');
    }
    grid.set(c, r, n);
    row.set(n, r);
    rowsUsed = Math.max(rowsUsed, r + 1);
  }

  // 4a. route planning on the grid (which lane a loop or detour uses)
  const plans = new Map();
  // true when no node in column c, rows r1..r2 (either order), has flows that would meet a
  // vertical in the gap right of c (its outgoing flows) or left of c (incoming, but from s)
  const beside = (c, r1, r2, s, right) => {
    for (let r = Math.min(r1, r2); r <= Math.max(r1, r2); r++) {
      const v = grid.get(c, r);
      if (typeof v !== 'object') continue;
      if (right ? outs.get(v).length : !outs.get(s).some((g) => g.targetRef === v)) return false;
    }
    return true;
  };
  const laneUsers = new Map();
  for (const f of drawnFlows) {
    const s = hostOf(f.sourceRef), t = f.targetRef;
    const cs = layer.get(s), ct = layer.get(t), rs = row.get(s), rt = row.get(t);
    const boundary = s !== f.sourceRef;
    let type;
    if (back.has(f)) type = 'loop';
    else if (boundary) type = rt > rs && grid.colFree(cs, rs + 1, rt) && grid.free(cs + 1, ct - 1, rt, true) ? 'drop' : 'boundaryDetour';
    // 'down' turns in the gap right of the source column, 'up' in the gap left of the target
    // column; another node beside that vertical would meet it with its own flows (they would
    // look joined), unless the flows come from the same source
    else if (rs === rt && grid.free(cs + 1, ct - 1, rs, true)) type = 'straight';
    else if (rt > rs && beside(cs, rs + 1, rt, s, true) && grid.free(cs + 1, ct - 1, rt, true)) type = 'down';
    else if (rt !== rs && beside(ct, rs, rt + Math.sign(rs - rt), s, false) && grid.free(cs + 1, ct - 1, rs, true)) type = 'up';
    else if (rt < rs && beside(cs, rt, rs - 1, s, true) && grid.free(cs + 1, ct - 1, rt, true)) type = 'down';
    else type = 'detour';
    const plan = { type };
    plans.set(f, plan);
    const useLane = (key, r, c1, c2) => {
      if (!laneUsers.has(r)) laneUsers.set(r, []);
      laneUsers.get(r).push({ key, c1: Math.min(c1, c2), c2: Math.max(c1, c2) });
    };
    if (type === 'detour') useLane(f, Math.max(rs, rt), cs, ct); // below both rows
    if (type === 'boundaryDetour') useLane(f, rs, cs, ct); // right below the host, above what is under it
    if (type === 'loop') {
      // below both rows; when a node stands under the upper end, that end first runs in a
      // lane right below its own row to the column gap and goes down there
      const rMax = Math.max(rs, rt);
      useLane(f, rMax, cs, ct);
      plan.srcAside = !grid.colFree(cs, rs + 1, rMax);
      plan.tgtAside = !grid.colFree(ct, rt + 1, rMax);
      if (plan.srcAside) useLane(f.id + ':src', rs, cs, cs);
      if (plan.tgtAside) useLane(f.id + ':tgt', rt, ct, ct);
    }
  }

  // 4b. coordinates
  const size = new Map(nodes.map((n) => [n, shapeSize(n, subSizes)]));
  const nodeLabel = new Map();
  const bottomUsed = new Set();
  for (const f of drawnFlows) {
    if (plans.get(f).type === 'loop') { bottomUsed.add(f.sourceRef); bottomUsed.add(f.targetRef); }
  }
  for (const n of [...nodes, ...boundaries]) if (hasExternalLabel(n)) nodeLabel.set(n, labelSize(n.name));
  const hasLabel = (n) => nodeLabel.has(n) && nodeLabel.get(n).w > 0;
  // boundary events sit along their host's bottom, each after the label of the one before it;
  // a task with several is widened to hold them beside a loop's attachment
  const offsetsOf = (list) => list.slice(0, -1).reduce((o, b) => [...o, o.at(-1) + Math.max(45, nodeLabel.get(b).w + 26)], [0]);
  for (const [host, list] of boundariesOf) {
    if (list.length > 1 && !subLayouts.has(host)) size.get(host).w = Math.max(size.get(host).w, offsetsOf(list).at(-1) + 100);
  }
  const nCols = Math.max(0, ...nodes.map((n) => layer.get(n) + 1));
  const nRows = Math.max(0, ...nodes.map((n) => row.get(n) + 1), ...[...grid.cells.keys()].map((k) => +k.split(':')[1] + 1));
  const colW = Array(nCols).fill(0), gapX = Array(nCols).fill(GAP_X);
  const coreW = Array(nCols).fill(0); // without expanded sub-processes
  for (const n of nodes) {
    const c = layer.get(n), w = Math.max(size.get(n).w, nodeLabel.has(n) ? nodeLabel.get(n).w : 0);
    colW[c] = Math.max(colW[c], w);
    if (!subLayouts.has(n)) coreW[c] = Math.max(coreW[c], w);
  }
  for (const f of drawnFlows) {
    if (!f.name) continue;
    const c = layer.get(hostOf(f.sourceRef)), { w } = labelSize(f.name);
    // a loop's label hangs right of its start, at most 2/3 into the column (self-loops)
    gapX[c] = Math.max(gapX[c], plans.get(f).type === 'loop' ? w + 16 - colW[c] / 3 : w + 2 * BEND + 10);
  }
  const colX = [];
  for (let c = 0, x = 0; c < nCols; c++) { colX[c] = x; x += colW[c] + gapX[c]; }

  // columns each row occupies: its nodes and the horizontal flow segments running along it
  const span = Array.from({ length: nRows }, () => new Set());
  const addSpan = (r, c1, c2) => { for (let c = c1; c <= c2; c++) span[r].add(c); };
  for (const n of nodes) addSpan(row.get(n), layer.get(n), layer.get(n));
  for (const [k, v] of grid.cells) if (v === 'edge') addSpan(+k.split(':')[1], +k.split(':')[0], +k.split(':')[0]);
  for (const f of drawnFlows) {
    const s = hostOf(f.sourceRef), t = f.targetRef;
    const cs = layer.get(s), ct = layer.get(t), rs = row.get(s), rt = row.get(t);
    const type = plans.get(f).type;
    if (type === 'straight') addSpan(rs, cs, ct);
    if (type === 'down') addSpan(rt, cs + 1, ct);
    if (type === 'up') addSpan(rs, cs, ct - 1);
    if (type === 'drop') addSpan(rt, cs, ct);
  }
  // horizontal positions: nodes centred in their column, but at the left of a column widened by
  // a sub-process (next to their predecessors); boundary events along the bottom edge of their
  // host from the left, or from the right (towards their targets) on a sub-process or when a
  // loop attaches to the host's bottom (the loop then attaches on the left); labels below,
  // moved aside from bottom flows
  const bounds = new Map(), labels = new Map();
  for (const n of nodes) {
    const { w, h } = size.get(n), c = layer.get(n);
    const room = subLayouts.has(n) ? colW[c] : Math.min(colW[c], coreW[c]);
    bounds.set(n, { x: colX[c] + (room - w) / 2, y: 0, width: w, height: h });
  }
  for (const [host, list] of boundariesOf) {
    const hb = bounds.get(host), inset = Math.min(hb.width / 4, 60);
    const offsets = offsetsOf(list);
    const first = bottomUsed.has(host) || subLayouts.has(host) ? hb.width - inset - offsets.at(-1) : inset;
    list.forEach((b, i) => {
      const cx = Math.min(Math.max(hb.x + first + offsets[i], hb.x + 18), hb.x + hb.width - 18);
      bounds.set(b, { x: cx - 18, y: 0, width: 36, height: 36 });
    });
  }
  const attachX = (n) => {
    const b = bounds.get(n);
    if (is(n, 'bpmn:BoundaryEvent')) return b.x + 18;
    return (boundariesOf.get(n) || []).length ? b.x + 20 : b.x + b.width / 2;
  };
  // labels go below the shape; a boundary event's to the right of its outgoing flow, and
  // above the shape when a loop uses its bottom
  const labelAbove = (n) => bottomUsed.has(n) && !is(n, 'bpmn:BoundaryEvent');
  for (const n of [...nodes, ...boundaries]) {
    if (!hasLabel(n)) continue;
    const { w, h } = nodeLabel.get(n), b = bounds.get(n), cx = b.x + b.width / 2;
    labels.set(n, { x: is(n, 'bpmn:BoundaryEvent') ? cx + 8 : cx - w / 2, y: 0, width: w, height: h });
  }
  // what hangs below a node's shape: [x1, x2, depth below the shape's bottom]
  const hanging = (n) => {
    const b = bounds.get(n), list = [[b.x, b.x + b.width, 0]];
    const add = (l, d) => l && list.push([l.x, l.x + l.width, d + 4 + l.height]);
    if (!labelAbove(n)) add(labels.get(n), 0);
    for (const e of boundariesOf.get(n)) {
      list.push([bounds.get(e).x, bounds.get(e).x + 36, 18]);
      add(labels.get(e), 18);
    }
    return list;
  };
  const colsIn = (x1, x2) => colX.map((x, c) => c).filter((c) => colX[c] < x2 && x1 < colX[c] + colW[c]);

  // vertical placement, row by row: each run of adjacent columns a row occupies is placed just
  // below what is already there in those columns, so a tall sub-process or a long branch does
  // not push down unrelated parts of the same row. In every column rows stay in order.
  const skyline = Array(nCols).fill(-Infinity);
  const center = new Map(), laneAt = new Map();
  for (let r = 0; r < nRows; r++) {
    const cols = [...span[r]].sort((a, b) => a - b);
    const runs = [];
    for (const c of cols) {
      if (runs.length && runs[runs.length - 1].at(-1) === c - 1) runs[runs.length - 1].push(c);
      else runs.push([c]);
    }
    for (const run of runs) {
      const members = nodes.filter((n) => row.get(n) === r && run.includes(layer.get(n)));
      const h = Math.max(36, ...members.map((n) => size.get(n).h));
      const top = Math.max(0, ...run.map((c) => skyline[c] + GAP_Y));
      for (const c of run) {
        center.set(c + ':' + r, top + h / 2);
        skyline[c] = Math.max(skyline[c], top + h / 2 + 2);
      }
      for (const n of members) {
        const bottom = top + (h + size.get(n).h) / 2;
        for (const [x1, x2, d] of hanging(n)) for (const c of colsIn(x1, x2)) skyline[c] = Math.max(skyline[c], bottom + d);
      }
    }
    // lanes of this row: short spans first, each just below what its columns already hold
    const floor = new Map();
    for (const u of (laneUsers.get(r) || []).sort((a, b) => (a.c2 - a.c1) - (b.c2 - b.c1))) {
      const cols = [];
      for (let c = u.c1; c <= u.c2; c++) cols.push(c);
      const y = Math.max(...cols.map((c) => (floor.has(c) ? floor.get(c) : skyline[c] + LANE_TOP)));
      laneAt.set(u.key, y);
      for (const c of cols) { floor.set(c, y + LANE_STEP); skyline[c] = Math.max(skyline[c], y + 2); }
    }
  }
  for (const n of nodes) {
    const b = bounds.get(n), r = row.get(n);
    b.y = center.get(layer.get(n) + ':' + r) - b.height / 2;
    for (const e of boundariesOf.get(n)) bounds.get(e).y = b.y + b.height - 18;
  }
  for (const [n, l] of labels) {
    const b = bounds.get(n);
    l.y = labelAbove(n) ? b.y - 6 - l.height : b.y + b.height + 4;
  }

  const shapes = [], edges = [];
  for (const n of [...nodes, ...boundaries]) {
    const b = bounds.get(n);
    const shape = { el: n, bounds: b, label: labels.get(n) };
    shapes.push(shape);
    if (subLayouts.has(n)) shapes.push(...translate(subLayouts.get(n), b.x + SUB_PAD.left, b.y + SUB_PAD.top).shapes);
  }

  const colRight = (c) => colX[c] + colW[c];
  for (const f of drawnFlows) {
    const s = f.sourceRef, t = f.targetRef, host = hostOf(s);
    const plan = plans.get(f);
    const sb = bounds.get(s), tb = bounds.get(t);
    const cs = layer.get(host), ct = layer.get(t);
    const sx = sb.x + sb.width, sy = sb.y + sb.height / 2;
    const tx = tb.x, ty = tb.y + tb.height / 2;
    const xa = colRight(cs) + BEND, xb = colX[ct] - BEND;
    let pts, labelAt;
    switch (plan.type) {
      case 'straight': pts = [[sx, sy], [tx, ty]]; labelAt = 'first'; break;
      case 'down': pts = [[sx, sy], [xa, sy], [xa, ty], [tx, ty]]; labelAt = 'last'; break;
      case 'up': pts = [[sx, sy], [xb, sy], [xb, ty], [tx, ty]]; labelAt = ty > sy ? 'below' : 'first'; break;
      case 'detour': {
        const ly = laneAt.get(f);
        pts = [[sx, sy], [xa, sy], [xa, ly], [xb, ly], [xb, ty], [tx, ty]]; labelAt = 'bend'; break;
      }
      case 'drop': { // boundary event: down from the event, right into the target
        const ex = sb.x + 18;
        pts = [[ex, sb.y + sb.height], [ex, ty], [tx, ty]]; labelAt = 'last'; break;
      }
      case 'boundaryDetour': {
        const ex = sb.x + 18, ly = laneAt.get(f);
        pts = [[ex, sb.y + sb.height], [ex, ly], [xb, ly], [xb, ty], [tx, ty]]; labelAt = 'lane'; break;
      }
      case 'loop': {
        const ly = laneAt.get(f);
        let ax = attachX(s), bx = attachX(t);
        if (s === t) { ax = sb.x + sb.width * 2 / 3; bx = sb.x + sb.width / 3; }
        const gs = colX[cs] - 2 * BEND, gt = colRight(ct) + 2 * BEND; // column gaps on the way
        pts = [[ax, sb.y + sb.height]];
        if (plan.srcAside) pts.push([ax, laneAt.get(f.id + ':src')], [gs, laneAt.get(f.id + ':src')], [gs, ly]);
        else pts.push([ax, ly]);
        if (plan.tgtAside) pts.push([gt, ly], [gt, laneAt.get(f.id + ':tgt')], [bx, laneAt.get(f.id + ':tgt')]);
        else pts.push([bx, ly]);
        pts.push([bx, tb.y + tb.height]);
        labelAt = 'below'; break;
      }
    }
    const edge = { el: f, points: dedupe(pts) };
    if (f.name) {
      const { w, h } = labelSize(f.name);
      const p = edge.points;
      const [x0, y0] = labelAt === 'last' ? p[p.length - 2] : p[0];
      edge.label = labelAt === 'below' ? { x: x0 + 6, y: y0 + 4, width: w, height: h } // below the start
        : labelAt === 'bend' ? { x: p[1][0] + 6, y: y0 + 4, width: w, height: h } // right of the first vertical
        : labelAt === 'lane' ? { x: p[1][0] + 6, y: p[1][1] - h - 2, width: w, height: h } // above the lane
        : { x: x0 + 6, y: (labelAt === 'last' ? p[p.length - 1][1] : y0) - h - 2, width: w, height: h };
    }
    edges.push(edge);
  }
  for (const [sub, inner] of subLayouts) {
    if (!bounds.has(sub)) continue;
    const b = bounds.get(sub);
    edges.push(...translate(inner, b.x + SUB_PAD.left, b.y + SUB_PAD.top).edges);
  }

  // event sub-processes: a strip below everything else
  let bbox = boundingBox(shapes, edges);
  let x = bbox.minX;
  for (const sub of eventSubs) {
    const { w, h } = subSizes.get(sub);
    const b = { x, y: bbox.maxY + GAP_Y, width: w, height: h };
    shapes.push({ el: sub, bounds: b }, ...translate(subLayouts.get(sub), b.x + SUB_PAD.left, b.y + SUB_PAD.top).shapes);
    edges.push(...translate(subLayouts.get(sub), b.x + SUB_PAD.left, b.y + SUB_PAD.top).edges);
    x += w + GAP_X;
  }
  bbox = boundingBox(shapes, edges);
  // normalise: content starts at (0, 0)
  const out = translate({ shapes, edges }, -bbox.minX, -bbox.minY);
  return { ...out, width: bbox.maxX - bbox.minX, height: bbox.maxY - bbox.minY };
}

function dedupe(points) {
  return points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
}

function boundingBox(shapes, edges) {
  const xs = [], ys = [];
  const add = (b) => { if (b) { xs.push(b.x, b.x + b.width); ys.push(b.y, b.y + b.height); } };
  for (const s of shapes) { add(s.bounds); add(s.label); }
  for (const e of edges) { add(e.label); for (const [x, y] of e.points) { xs.push(x); ys.push(y); } }
  if (!xs.length) return { minX: 0, minY: 0, maxX: 0, maxY: 0 };
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

function translate({ shapes, edges }, dx, dy) {
  const mv = (b) => b && { ...b, x: b.x + dx, y: b.y + dy };
  return {
    shapes: shapes.map((s) => ({ ...s, bounds: mv(s.bounds), label: mv(s.label) })),
    edges: edges.map((e) => ({ ...e, points: e.points.map(([x, y]) => [x + dx, y + dy]), label: mv(e.label) }))
  };
}

// ---------------------------------------------------------------- moddle glue
function allContainers(root) {
  const list = [root];
  for (const e of root.flowElements || []) if (is(e, 'bpmn:SubProcess')) list.push(...allContainers(e));
  return list;
}

/**
 * Makes incoming/outgoing references of flow nodes agree with the sequence flows: adds missing ones and drops stale
 * ones (left behind when a flow is re-targeted by hand); returns how many were added or dropped.
 */
export function fillFlowNodeRefs(process) {
  let added = 0;
  for (const c of allContainers(process)) {
    for (const node of (c.flowElements || []).filter((e) => !is(e, 'bpmn:SequenceFlow') && e.get)) {
      for (const [prop, end] of [['incoming', 'targetRef'], ['outgoing', 'sourceRef']]) {
        const refs = node.get(prop);
        if (!Array.isArray(refs)) continue;
        const kept = refs.filter((f) => f && f[end] === node);
        if (kept.length !== refs.length) { added += refs.length - kept.length; refs.splice(0, refs.length, ...kept); }
      }
    }
    for (const f of (c.flowElements || []).filter((e) => is(e, 'bpmn:SequenceFlow'))) {
      if (!f.sourceRef || !f.targetRef) throw new Error(`sequence flow ${f.id}: sourceRef/targetRef missing or unresolved`);
      if (!f.sourceRef.get('outgoing').includes(f)) { f.sourceRef.get('outgoing').push(f); added++; }
      if (!f.targetRef.get('incoming').includes(f)) { f.targetRef.get('incoming').push(f); added++; }
    }
  }
  return added;
}

const round = (v) => Math.round(v);

// attributes of a DI element that are not BPMNDI's own (extensions such as bioc:fill)
function extraProps(el) {
  const extra = { ...el.$attrs };
  for (const p of el.$descriptor.properties) {
    if (!['bpmndi', 'di', 'dc'].includes(p.ns.prefix) && el.get(p.name) !== undefined) extra[p.name] = el.get(p.name);
  }
  return extra;
}

function buildDiagram(moddle, process, index, keptAttrs, warn) {
  const layout = translate(layoutContainer(process, warn), ORIGIN.x, ORIGIN.y);
  const bnds = (b) => moddle.create('dc:Bounds', { x: round(b.x), y: round(b.y), width: round(b.width), height: round(b.height) });
  const withAttrs = (di, el) => {
    const kept = keptAttrs.get(el.id) || {};
    for (const [k, v] of Object.entries(kept.shape || {})) di.set(k, v);
    if (di.label) for (const [k, v] of Object.entries(kept.label || {})) di.label.set(k, v);
    return di;
  };
  const planeElement = [];
  for (const s of layout.shapes) {
    const props = { id: `${s.el.id}_di`, bpmnElement: s.el, bounds: bnds(s.bounds) };
    if (is(s.el, 'bpmn:SubProcess')) props.isExpanded = true;
    if (is(s.el, 'bpmn:ExclusiveGateway')) props.isMarkerVisible = true;
    if (s.label) props.label = moddle.create('bpmndi:BPMNLabel', { bounds: bnds(s.label) });
    planeElement.push(withAttrs(moddle.create('bpmndi:BPMNShape', props), s.el));
  }
  for (const e of layout.edges) {
    const props = {
      id: `${e.el.id}_di`,
      bpmnElement: e.el,
      waypoint: e.points.map(([x, y]) => moddle.create('dc:Point', { x: round(x), y: round(y) }))
    };
    if (e.label) props.label = moddle.create('bpmndi:BPMNLabel', { bounds: bnds(e.label) });
    planeElement.push(withAttrs(moddle.create('bpmndi:BPMNEdge', props), e.el));
  }
  const suffix = index === 0 ? '1' : String(index + 1);
  return moddle.create('bpmndi:BPMNDiagram', {
    id: `BPMNDiagram_${suffix}`,
    plane: moddle.create('bpmndi:BPMNPlane', { id: `BPMNPlane_${suffix}`, bpmnElement: process, planeElement })
  });
}

/**
 * Lays out one BPMN document. Returns { xml, warnings, notes }; throws when the file cannot
 * be rewritten without losing content (unparsable elements, unresolved references) or uses
 * constructs this tool cannot draw (collaborations, lanes).
 */
export async function layoutXml(xml) {
  const moddle = createModdle();
  const { rootElement: defs, warnings: parseWarnings } = await moddle.fromXML(xml.replace(/^\uFEFF/, ''), 'bpmn:Definitions');
  const warnings = [], notes = [], fatal = [];
  for (const w of parseWarnings) {
    if (w.element && /^(bpmndi|dc|di):/.test(w.element.$type)) continue; // the old diagram is discarded anyway
    if (/^unknown attribute/.test(w.message)) warnings.push(w.message + ' (kept as is)');
    else fatal.push(w.message);
  }
  if (fatal.length) throw new Error('content would be lost:\n  ' + fatal.join('\n  '));
  if (/<!--/.test(xml)) warnings.push('XML comments are not preserved');
  if (/<!\[CDATA\[/.test(xml)) notes.push('CDATA sections are written as escaped text (same content)');

  const roots = defs.get('rootElements');
  if (roots.some((r) => is(r, 'bpmn:Collaboration'))) throw new Error('collaborations (pools/message flows) are not supported');
  const processes = roots.filter((r) => is(r, 'bpmn:Process'));

  // keep extra attributes of the old DI (e.g. bioc:/color: colours) for elements that still exist
  const keptAttrs = new Map();
  for (const d of defs.get('diagrams')) {
    for (const pe of (d.plane && d.plane.planeElement) || []) {
      if (pe.bpmnElement) keptAttrs.set(pe.bpmnElement.id, { shape: extraProps(pe), label: pe.label && extraProps(pe.label) });
    }
  }
  let added = 0;
  for (const p of processes) added += fillFlowNodeRefs(p);
  if (added) notes.push(`added ${added} missing incoming/outgoing reference(s)`);

  const warn = (m) => warnings.push(m);
  defs.set('diagrams', processes.map((p, i) => buildDiagram(moddle, p, i, keptAttrs, warn)));
  const { xml: out } = await moddle.toXML(defs, { format: true });
  return { xml: out.endsWith('\n') ? out : out + '\n', warnings, notes };
}

async function main(args) {
  const check = args.includes('--check');
  const files = args.filter((a) => a !== '--check');
  if (!files.length) {
    console.error('usage: node layout.mjs [--check] <file.bpmn> [more.bpmn ...]\n' +
      '  rewrites each file with a fresh diagram; --check only reports files that would change');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    try {
      const before = await readFile(file, 'utf8');
      const { xml, warnings, notes } = await layoutXml(before);
      for (const w of warnings) console.warn(`${file}: warning: ${w}`);
      if (check) {
        if (xml !== before) { failed++; console.error(`${file}: diagram is not up to date (run layout.mjs on it)`); }
        continue;
      }
      await writeFile(file, xml, 'utf8');
      console.log(`${file}: laid out${notes.length ? ` (${notes.join('; ')})` : ''}`);
    } catch (err) {
      failed++;
      console.error(`${file}: NOT rewritten: ${err.message}`);
    }
  }
  return failed ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
