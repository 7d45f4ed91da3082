// Lays out every sample in test/samples and checks the result geometrically and
// semantically; also lints the results with bpmnlint and, where Chromium is installed,
// imports them into bpmn-js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile, mkdtemp, copyFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { layoutXml, createModdle } from '../layout.mjs';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const toolDir = join(here, '..');
const samplesDir = join(here, 'samples');
const samples = (await readdir(samplesDir)).filter((f) => f.endsWith('.bpmn')).sort();

const is = (el, type) => el.$instanceOf(type);

async function parse(xml) {
  const { rootElement, warnings } = await createModdle().fromXML(xml, 'bpmn:Definitions');
  assert.deepEqual(warnings.map((w) => w.message), [], 'parses without warnings');
  return rootElement;
}

function* walk(container) {
  for (const e of container.flowElements || []) {
    yield e;
    if (is(e, 'bpmn:SubProcess')) yield* walk(e);
  }
}

/** The XML as moddle writes it, without BPMNDI and without incoming/outgoing references. */
async function semantic(xml) {
  const defs = await parse(xml);
  defs.set('diagrams', []);
  for (const p of defs.rootElements.filter((r) => is(r, 'bpmn:Process'))) {
    for (const e of walk(p)) if (is(e, 'bpmn:FlowNode')) { e.set('incoming', []); e.set('outgoing', []); }
  }
  return (await createModdle().toXML(defs, { format: true })).xml;
}

const overlaps = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a, b) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
const onBorder = ({ x, y }, b) =>
  ((x === b.x || x === b.x + b.width) && y >= b.y && y <= b.y + b.height) ||
  ((y === b.y || y === b.y + b.height) && x >= b.x && x <= b.x + b.width);
// events and gateways are round/diamond: a flow must touch the middle of a side
const sideMiddle = ({ x, y }, b) =>
  (Math.abs(y - (b.y + b.height / 2)) <= 0.5 && (x === b.x || x === b.x + b.width)) ||
  (Math.abs(x - (b.x + b.width / 2)) <= 0.5 && (y === b.y || y === b.y + b.height));

for (const name of samples) {
  test(`${name}: layout`, async (t) => {
    const input = await readFile(join(samplesDir, name), 'utf8');
    const { xml } = await layoutXml(input);
    const defs = await parse(xml);
    const processes = defs.rootElements.filter((r) => is(r, 'bpmn:Process'));
    const di = new Map();
    for (const d of defs.diagrams) {
      for (const pe of d.plane.planeElement) {
        const id = pe.bpmnElement.id;
        di.set(id, [...(di.get(id) || []), pe]);
      }
    }
    const elements = processes.flatMap((p) => [...walk(p)]);
    const drawable = elements.filter((e) => is(e, 'bpmn:FlowNode') || is(e, 'bpmn:SequenceFlow'));
    const shapeOf = (e) => di.get(e.id)[0];

    await t.test('every flow node and sequence flow has exactly one DI element', () => {
      for (const e of drawable) assert.equal((di.get(e.id) || []).length, 1, `${e.id} DI count`);
      for (const e of drawable) {
        assert.equal(shapeOf(e).$type, is(e, 'bpmn:SequenceFlow') ? 'bpmndi:BPMNEdge' : 'bpmndi:BPMNShape', e.id);
      }
    });

    await t.test('markers: expanded sub-processes, visible exclusive gateway markers', () => {
      for (const e of elements.filter((x) => is(x, 'bpmn:SubProcess'))) assert.equal(shapeOf(e).isExpanded, true, e.id);
      for (const e of elements.filter((x) => is(x, 'bpmn:ExclusiveGateway'))) assert.equal(shapeOf(e).isMarkerVisible, true, e.id);
    });

    await t.test('no two shapes of one container overlap (boundary events only their host)', () => {
      const nodes = elements.filter((e) => is(e, 'bpmn:FlowNode'));
      for (const a of nodes) {
        for (const b of nodes) {
          if (a === b || a.$parent !== b.$parent) continue;
          if (a.attachedToRef === b || b.attachedToRef === a) continue;
          assert.ok(!overlaps(shapeOf(a).bounds, shapeOf(b).bounds), `${a.id} overlaps ${b.id}`);
        }
      }
    });

    await t.test('children of a sub-process lie inside its bounds', () => {
      for (const e of elements) {
        if (!is(e.$parent, 'bpmn:SubProcess')) continue;
        const parent = shapeOf(e.$parent).bounds;
        const own = shapeOf(e);
        if (own.bounds) assert.ok(inside(own.bounds, parent), `${e.id} outside ${e.$parent.id}`);
        else for (const p of own.waypoint) assert.ok(inside({ ...p, width: 0, height: 0 }, parent), `${e.id} waypoint outside`);
      }
    });

    await t.test('boundary events sit on the bottom edge of their host', () => {
      for (const e of elements.filter((x) => is(x, 'bpmn:BoundaryEvent'))) {
        const b = shapeOf(e).bounds, h = shapeOf(e.attachedToRef).bounds;
        assert.equal(b.y + b.height / 2, h.y + h.height, e.id);
        assert.ok(b.x + b.width / 2 > h.x && b.x + b.width / 2 < h.x + h.width, e.id);
      }
    });

    await t.test('edges are orthogonal and start/end on the element borders', () => {
      for (const f of elements.filter((x) => is(x, 'bpmn:SequenceFlow'))) {
        const w = shapeOf(f).waypoint;
        assert.ok(w.length >= 2, f.id);
        for (let i = 1; i < w.length; i++) {
          assert.ok(w[i].x === w[i - 1].x || w[i].y === w[i - 1].y, `${f.id} segment ${i} is diagonal`);
        }
        for (const [p, el] of [[w[0], f.sourceRef], [w[w.length - 1], f.targetRef]]) {
          const b = shapeOf(el).bounds;
          const ok = is(el, 'bpmn:Event') || is(el, 'bpmn:Gateway') ? sideMiddle(p, b) : onBorder(p, b);
          assert.ok(ok, `${f.id} does not touch ${el.id} at (${p.x},${p.y})`);
        }
      }
    });

    await t.test('labels: named events, gateways and flows have one; no label covers a shape', () => {
      const shapes = elements.filter((e) => is(e, 'bpmn:FlowNode')).map(shapeOf);
      for (const e of drawable.filter((x) => x.name && !is(x, 'bpmn:Activity'))) {
        const label = shapeOf(e).label;
        assert.ok(label && label.bounds, `${e.id} has a label`);
        for (const s of shapes) {
          if (is(s.bpmnElement, 'bpmn:SubProcess') && inside(label.bounds, s.bounds)) continue;
          assert.ok(!overlaps(label.bounds, s.bounds), `label of ${e.id} covers ${s.bpmnElement.id}`);
        }
      }
    });

    await t.test('incoming/outgoing match the sequence flows', () => {
      for (const n of elements.filter((e) => is(e, 'bpmn:FlowNode'))) {
        const flows = elements.filter((e) => is(e, 'bpmn:SequenceFlow'));
        assert.deepEqual(new Set(n.outgoing), new Set(flows.filter((f) => f.sourceRef === n)), `${n.id} outgoing`);
        assert.deepEqual(new Set(n.incoming), new Set(flows.filter((f) => f.targetRef === n)), `${n.id} incoming`);
      }
    });

    await t.test('the semantic part is unchanged', async () => {
      assert.equal(await semantic(xml), await semantic(input));
      // spot checks on the raw text
      for (const m of input.matchAll(/<(camunda:[A-Za-z]+)/g)) assert.ok(xml.includes(`<${m[1]}`), m[1]);
      for (const m of input.matchAll(/>([^<>]*[\u4e00-\u9fff][^<>]*)</g)) assert.ok(xml.includes(m[1]), m[1]);
    });

    await t.test('output is deterministic and a second run changes nothing', async () => {
      assert.equal((await layoutXml(input)).xml, xml);
      assert.equal((await layoutXml(xml)).xml, xml);
    });
  });
}

test('an existing diagram is replaced; extra DI attributes (colours) are kept', async () => {
  const input = await readFile(join(samplesDir, 'loop.bpmn'), 'utf8');
  const { xml } = await layoutXml(input);
  const coloured = xml
    .replace('xmlns:camunda=', 'xmlns:bioc="http://bpmn.io/schema/bpmn/biocolor/1.0" xmlns:camunda=')
    .replace('id="Task_Check_di" bpmnElement="Task_Check"', 'id="Task_Check_di" bpmnElement="Task_Check" bioc:fill="#ffe0b2"')
    .replace(/<dc:Bounds x="\d+" y="\d+"/, '<dc:Bounds x="9999" y="9999"')
    .replace('<bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="loop">', '<bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="loop"><bpmndi:BPMNShape id="Gone_di" bpmnElement="Gone"><dc:Bounds x="1" y="1" width="1" height="1" /></bpmndi:BPMNShape>');
  const again = (await layoutXml(coloured)).xml;
  assert.equal((again.match(/<bpmndi:BPMNDiagram /g) || []).length, 1);
  assert.ok(!again.includes('9999') && !again.includes('Gone'));
  assert.ok(again.includes('bioc:fill="#ffe0b2"'));
  assert.equal(again.replace(' bioc:fill="#ffe0b2"', '').replace(' xmlns:bioc="http://bpmn.io/schema/bpmn/biocolor/1.0"', ''), xml);
});

test('content moddle cannot read makes the file fail instead of being dropped', async () => {
  const input = (await readFile(join(samplesDir, 'linear.bpmn'), 'utf8'))
    .replace('<bpmn:endEvent id="Event_End" name="结案" />', '<bpmn:endEvent id="Event_End" name="结案" /><bpmn:notAnElement id="X" />');
  await assert.rejects(layoutXml(input), /content would be lost/);
  const dangling = (await readFile(join(samplesDir, 'linear.bpmn'), 'utf8')).replace('targetRef="Event_End"', 'targetRef="Event_Missing"');
  await assert.rejects(layoutXml(dangling), /content would be lost|unresolved/);
});

test('CLI rewrites files in place, leaves a broken file untouched and exits 1', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bpmn-layout-'));
  const good = join(dir, 'good.bpmn'), bad = join(dir, 'bad.bpmn');
  await copyFile(join(samplesDir, 'call-activity.bpmn'), good);
  const badXml = '<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><bpmn:collaboration id="c" /></bpmn:definitions>\n';
  await writeFile(bad, badXml);
  const err = await run(process.execPath, [join(toolDir, 'layout.mjs'), good, bad]).catch((e) => e);
  assert.equal(err.code, 1);
  assert.match(err.stderr, /bad\.bpmn: NOT rewritten: collaborations/);
  assert.match(await readFile(good, 'utf8'), /<bpmndi:BPMNDiagram id="BPMNDiagram_1">/);
  assert.equal(await readFile(bad, 'utf8'), badXml);
});

test('bpmnlint (recommended + camunda-platform-7-24) finds no errors in the laid-out samples', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'bpmn-lint-'));
  const files = [];
  for (const name of samples) {
    const file = join(dir, name);
    await writeFile(file, (await layoutXml(await readFile(join(samplesDir, name), 'utf8'))).xml);
    files.push(file);
  }
  const bin = join(toolDir, 'node_modules', 'bpmnlint', 'bin', 'bpmnlint.js');
  const result = await run(process.execPath, [bin, '--config', join(toolDir, '.bpmnlintrc'), ...files]).catch((e) => e);
  assert.ok(!result.code, `bpmnlint failed:\n${result.stdout}${result.stderr}`);
  assert.doesNotMatch(result.stdout, /\berror\b/);
});

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
test('bpmn-js imports every laid-out sample without warnings', { skip: !existsSync(chromium) && `no ${chromium}` }, async () => {
  const { renderPng } = await import('../render.mjs');
  const dir = await mkdtemp(join(tmpdir(), 'bpmn-render-'));
  for (const name of samples) {
    const { xml } = await layoutXml(await readFile(join(samplesDir, name), 'utf8'));
    const warnings = await renderPng(xml, join(dir, name.replace('.bpmn', '.png')));
    assert.deepEqual(warnings, [], name);
  }
});
