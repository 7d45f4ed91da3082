#!/usr/bin/env node
// bpmnlint over the procedures, with the repository's .bpmnlintrc (bpmnlint:recommended +
// camunda-compat/camunda-platform-7-24). Exit 1 on any error, on an import (parse) warning, or on a
// warning that .bpmnlintrc does not turn off or explain.
//
//   node e2e/lint-bpmn.mjs <repository root> [--pending-diagram=<process id> ...]
//
// --pending-diagram marks a known gap: that file's `no-bpmndi` findings (a BPMN without its
// diagram yet) are reported but do not fail. Its <incoming>/<outgoing> references, which
// bpmn-layout writes together with the diagram, are filled in memory first, so that every other
// rule judges it as it will be. A pending file that does have its diagram fails, so the mark
// cannot outlive the gap.
//
// .bpmnlintrc may turn a rule off or down to "warn" only with a reason in its "reasons" object;
// warnings of any other rule fail.
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, 'package.json'));
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const { BpmnModdle } = require('bpmn-moddle');

const args = process.argv.slice(2);
const root = args.find((a) => !a.startsWith('--'));
const pending = new Set(args.filter((a) => a.startsWith('--pending-diagram=')).map((a) => a.split('=')[1]));
if (!root) {
  console.error('usage: node lint-bpmn.mjs <repository root> [--pending-diagram=<process id> ...]');
  process.exit(2);
}

const config = JSON.parse(await readFile(path.join(root, '.bpmnlintrc'), 'utf8'));
const reasons = config.reasons || {};
let failures = 0;
for (const [rule, level] of Object.entries(config.rules || {})) {
  if ((level === 'off' || level === 'warn' || level === 0 || level === 1) && !reasons[rule]) {
    console.log(`.bpmnlintrc: error: rule ${rule} is set to ${level} without a reason in "reasons"`);
    failures++;
  }
}
const moddle = new BpmnModdle();
const folder = path.join(root, 'processes');
const files = (await readdir(folder)).filter((f) => f.endsWith('.bpmn')).sort();

let warnings = 0;
for (const file of files) {
  const id = file.replace(/\.bpmn$/, '');
  const xml = await readFile(path.join(folder, file), 'utf8');
  let parsed;
  try {
    parsed = await moddle.fromXML(xml);
  } catch (err) {
    console.log(`processes/${file}: error: cannot be read: ${err.message}`);
    failures++;
    continue;
  }
  for (const w of parsed.warnings) {
    console.log(`processes/${file}: error: import warning: ${w.message.split('\n')[0]}`);
    failures++;
  }
  // one linter per file: some rules (no-duplicate-sequence-flows) keep state across the elements they see
  const linter = new Linter({ config, resolver: new NodeResolver({ require }) });
  if (pending.has(id)) fillFlowNodeRefs(parsed.rootElement);
  const reports = await linter.lint(parsed.rootElement);
  let missingDiagram = 0;
  for (const [rule, findings] of Object.entries(reports)) {
    for (const f of findings) {
      const where = `processes/${file}${f.id ? ' ' + f.id : ''}`;
      if (rule === 'no-bpmndi' && pending.has(id)) {
        missingDiagram++;
        continue;
      }
      if (f.category === 'error') {
        console.log(`${where}: error: ${f.message} (${rule})`);
        failures++;
      } else if (f.category === 'warn') {
        console.log(`${where}: warning: ${f.message} (${rule})${reasons[rule] ? ' — accepted: ' + reasons[rule] : ''}`);
        if (!reasons[rule]) warnings++;
      } else {
        console.log(`${where}: ${f.category}: ${f.message} (${rule})`);
      }
    }
  }
  if (pending.has(id)) {
    if (missingDiagram === 0) {
      console.log(`processes/${file}: error: marked as pending its diagram but has one: remove the mark`);
      failures++;
    } else {
      console.log(`processes/${file}: KNOWN GAP: ${missingDiagram} element(s) without diagram (no-bpmndi), ` +
        'tolerated until tools/bpmn-layout lays it out');
    }
  }
}
failures += warnings;
console.log(`bpmnlint: ${files.length} file(s), ${failures} problem(s)`);
process.exit(failures ? 1 : 0);

/** The <incoming>/<outgoing> references of every flow node, from the sequence flows (as bpmn-layout writes them). */
function fillFlowNodeRefs(definitions) {
  const walk = (container) => {
    for (const el of container.flowElements || []) {
      if (el.$type === 'bpmn:SequenceFlow' && el.sourceRef && el.targetRef) {
        for (const [node, prop] of [[el.sourceRef, 'outgoing'], [el.targetRef, 'incoming']]) {
          const refs = node.get(prop);
          if (!refs.includes(el)) refs.push(el);
        }
      }
      if (el.flowElements) walk(el);
    }
  };
  definitions.rootElements.filter((r) => r.$type === 'bpmn:Process').forEach(walk);
}
