// Checks on a laid-out BPMN document; each returns nothing or throws an AssertionError.
import assert from 'node:assert/strict';
import { createModdle } from '../layout.mjs';

const is = (el, type) => el.$instanceOf(type);

export async function parse(xml) {
  const { rootElement, warnings } = await createModdle().fromXML(xml, 'bpmn:Definitions');
  assert.deepEqual(warnings.map((w) => w.message), [], 'parses without warnings');
  return rootElement;
}

export function* walk(container) {
  for (const e of container.flowElements || []) {
    yield e;
    if (is(e, 'bpmn:SubProcess')) yield* walk(e);
  }
}

/** The XML as moddle writes it, without BPMNDI and without incoming/outgoing references. */
export async function semantic(xml) {
  const defs = await parse(xml);
  defs.set('diagrams', []);
  for (const p of defs.rootElements.filter((r) => is(r, 'bpmn:Process'))) {
    for (const e of walk(p)) if (is(e, 'bpmn:FlowNode')) { e.set('incoming', []); e.set('outgoing', []); }
  }
  return (await createModdle().toXML(defs, { format: true })).xml;
}

const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
export const inside = (a, b) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
const onBorder = ({ x, y }, b) =>
  ((x === b.x || x === b.x + b.width) && y >= b.y && y <= b.y + b.height) ||
  ((y === b.y || y === b.y + b.height) && x >= b.x && x <= b.x + b.width);
// events and gateways are round/diamond: a flow must touch the middle of a side
const sideMiddle = ({ x, y }, b) =>
  (Math.abs(y - (b.y + b.height / 2)) <= 0.5 && (x === b.x || x === b.x + b.width)) ||
  (Math.abs(x - (b.x + b.width / 2)) <= 0.5 && (y === b.y || y === b.y + b.height));
// does the segment p-q run through the inside of box b?
const crosses = (p, q, b) => {
  const [x1, x2] = [Math.min(p.x, q.x), Math.max(p.x, q.x)], [y1, y2] = [Math.min(p.y, q.y), Math.max(p.y, q.y)];
  return x1 < b.x + b.width && b.x < x2 + (x1 === x2 ? 1 : 0) && y1 < b.y + b.height && b.y < y2 + (y1 === y2 ? 1 : 0) &&
    (x1 === x2 ? x1 > b.x && x1 < b.x + b.width : y1 > b.y && y1 < b.y + b.height);
};

/** Named checks of a laid-out document (as produced by layoutXml). */
export async function layoutChecks(xml) {
  const defs = await parse(xml);
  const processes = defs.rootElements.filter((r) => is(r, 'bpmn:Process'));
  const di = new Map();
  for (const d of defs.diagrams) {
    for (const pe of d.plane.planeElement) di.set(pe.bpmnElement.id, [...(di.get(pe.bpmnElement.id) || []), pe]);
  }
  const elements = processes.flatMap((p) => [...walk(p)]);
  const nodes = elements.filter((e) => is(e, 'bpmn:FlowNode'));
  const flows = elements.filter((e) => is(e, 'bpmn:SequenceFlow'));
  const shapeOf = (e) => di.get(e.id)[0];

  return {
    'every flow node and sequence flow has exactly one DI element'() {
      for (const e of [...nodes, ...flows]) {
        assert.equal((di.get(e.id) || []).length, 1, `${e.id} DI count`);
        assert.equal(shapeOf(e).$type, is(e, 'bpmn:SequenceFlow') ? 'bpmndi:BPMNEdge' : 'bpmndi:BPMNShape', e.id);
      }
    },
    'expanded sub-processes and exclusive gateway markers are flagged'() {
      for (const e of nodes.filter((x) => is(x, 'bpmn:SubProcess'))) assert.equal(shapeOf(e).isExpanded, true, e.id);
      for (const e of nodes.filter((x) => is(x, 'bpmn:ExclusiveGateway'))) assert.equal(shapeOf(e).isMarkerVisible, true, e.id);
    },
    'no two shapes of one container overlap (boundary events only their host)'() {
      for (const a of nodes) {
        for (const b of nodes) {
          if (a === b || a.$parent !== b.$parent || a.attachedToRef === b || b.attachedToRef === a) continue;
          assert.ok(!overlaps(shapeOf(a).bounds, shapeOf(b).bounds), `${a.id} overlaps ${b.id}`);
        }
      }
    },
    'children of a sub-process lie inside its bounds'() {
      for (const e of elements.filter((x) => is(x.$parent, 'bpmn:SubProcess'))) {
        const parent = shapeOf(e.$parent).bounds, own = shapeOf(e);
        if (own.bounds) assert.ok(inside(own.bounds, parent), `${e.id} outside ${e.$parent.id}`);
        else for (const p of own.waypoint) assert.ok(inside({ ...p, width: 0, height: 0 }, parent), `${e.id} waypoint outside`);
        if (own.label) assert.ok(inside(own.label.bounds, parent), `label of ${e.id} outside ${e.$parent.id}`);
      }
    },
    'boundary events sit on the bottom edge of their host'() {
      for (const e of nodes.filter((x) => is(x, 'bpmn:BoundaryEvent'))) {
        const b = shapeOf(e).bounds, h = shapeOf(e.attachedToRef).bounds;
        assert.equal(b.y + b.height / 2, h.y + h.height, e.id);
        assert.ok(b.x + b.width / 2 > h.x && b.x + b.width / 2 < h.x + h.width, e.id);
      }
    },
    'edges are orthogonal and start/end on the element borders'() {
      for (const f of flows) {
        const w = shapeOf(f).waypoint;
        assert.ok(w.length >= 2, f.id);
        for (let i = 1; i < w.length; i++) assert.ok(w[i].x === w[i - 1].x || w[i].y === w[i - 1].y, `${f.id} segment ${i} is diagonal`);
        for (const [p, el] of [[w[0], f.sourceRef], [w[w.length - 1], f.targetRef]]) {
          const b = shapeOf(el).bounds;
          const ok = is(el, 'bpmn:Event') || is(el, 'bpmn:Gateway') ? sideMiddle(p, b) : onBorder(p, b);
          assert.ok(ok, `${f.id} does not touch ${el.id} at (${p.x},${p.y})`);
        }
      }
    },
    'edges do not run through shapes other than their source and target'() {
      for (const f of flows) {
        const w = shapeOf(f).waypoint;
        for (const n of nodes) {
          if (n === f.sourceRef || n === f.targetRef) continue;
          // a flow inside a sub-process runs over the sub-process itself, of course
          if (is(n, 'bpmn:SubProcess') && [...walk(n)].includes(f)) continue;
          for (let i = 1; i < w.length; i++) assert.ok(!crosses(w[i - 1], w[i], shapeOf(n).bounds), `${f.id} runs through ${n.id}`);
        }
      }
    },
    'edges do not run along each other unless they share a source or a target'() {
      const segs = flows.flatMap((f) => {
        const w = shapeOf(f).waypoint;
        return w.slice(1).map((q, i) => ({ f, p: w[i], q }));
      });
      for (const a of segs) {
        for (const b of segs) {
          if (a.f === b.f || a.f.sourceRef === b.f.sourceRef || a.f.targetRef === b.f.targetRef) continue;
          const horizontal = (s) => s.p.y === s.q.y;
          if (horizontal(a) !== horizontal(b)) continue;
          const [k, u, v] = horizontal(a) ? ['y', 'x', 'x'] : ['x', 'y', 'y'];
          if (a.p[k] !== b.p[k]) continue;
          const lo = Math.max(Math.min(a.p[u], a.q[u]), Math.min(b.p[v], b.q[v]));
          const hi = Math.min(Math.max(a.p[u], a.q[u]), Math.max(b.p[v], b.q[v]));
          assert.ok(hi - lo <= 0, `${a.f.id} runs along ${b.f.id}`);
        }
      }
    },
    'flows with another source and target meet only by crossing, never at a bend (a false join)'() {
      const on = (p, a, b) => (a.x === b.x ? p.x === a.x && (p.y - a.y) * (p.y - b.y) <= 0 : p.y === a.y && (p.x - a.x) * (p.x - b.x) <= 0);
      for (const a of flows) {
        for (const b of flows) {
          if (a === b || a.sourceRef === b.sourceRef || a.targetRef === b.targetRef) continue;
          const wa = shapeOf(a).waypoint, wb = shapeOf(b).waypoint;
          for (const p of wa.slice(1, -1)) {
            for (let i = 1; i < wb.length; i++) assert.ok(!on(p, wb[i - 1], wb[i]), `${a.id} turns on ${b.id} at (${p.x},${p.y})`);
          }
        }
      }
    },
    'named events, gateways and flows have a label that covers no shape'() {
      for (const e of [...nodes, ...flows].filter((x) => x.name && !is(x, 'bpmn:Activity'))) {
        const label = shapeOf(e).label;
        assert.ok(label && label.bounds, `${e.id} has a label`);
        for (const n of nodes) {
          const s = shapeOf(n);
          if (is(n, 'bpmn:SubProcess') && inside(label.bounds, s.bounds)) continue;
          assert.ok(!overlaps(label.bounds, s.bounds), `label of ${e.id} covers ${n.id}`);
        }
      }
    },
    'incoming/outgoing match the sequence flows'() {
      for (const n of nodes) {
        assert.deepEqual(new Set(n.outgoing), new Set(flows.filter((f) => f.sourceRef === n)), `${n.id} outgoing`);
        assert.deepEqual(new Set(n.incoming), new Set(flows.filter((f) => f.targetRef === n)), `${n.id} incoming`);
      }
    }
  };
}
