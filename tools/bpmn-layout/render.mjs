#!/usr/bin/env node
// Renders a BPMN file to a PNG the way bpmn-js (the engine inside Camunda Modeler) draws it.
//
//   node tools/bpmn-layout/render.mjs processes/a.bpmn a.png [--scale 2]
//
// Needs Debian's chromium (apt-get install -y chromium fonts-noto-cjk); the bpmn-js viewer
// bundle is read from node_modules, so no network is used. Import warnings are printed and
// make the exit code 1.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const asset = (p) => require.resolve(`bpmn-js/dist/${p}`);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export async function renderPng(bpmnXml, outFile, { scale = 1 } = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'bpmn-render-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 800, height: 600 },
    deviceScaleFactor: scale
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.route('**/*', (route) => route.abort()); // nothing may leave the machine
    await page.setContent('<!doctype html><html><body style="margin:0;background:#fff"><div id="canvas" style="width:100%;height:100%;position:absolute"></div></body></html>');
    await page.addStyleTag({ path: asset('assets/diagram-js.css') });
    await page.addStyleTag({ path: asset('assets/bpmn-js.css') });
    await page.addScriptTag({ path: asset('bpmn-navigated-viewer.production.min.js') });
    const result = await page.evaluate(async (xml) => {
      const viewer = new window.BpmnJS({ container: '#canvas' });
      try {
        const { warnings } = await viewer.importXML(xml);
        const box = viewer.get('canvas').getActiveLayer().getBBox();
        window.viewer = viewer;
        return { warnings: warnings.map((w) => w.message), box: { x: box.x, y: box.y, width: box.width, height: box.height } };
      } catch (err) {
        return { error: err.message, warnings: (err.warnings || []).map((w) => w.message) };
      }
    }, bpmnXml);
    if (result.error) throw new Error(`bpmn-js could not import: ${result.error}\n${result.warnings.join('\n')}`);
    const margin = 20;
    // extra room at the bottom keeps the bpmn.io watermark (bottom right) off the diagram
    const width = Math.ceil(result.box.width + 2 * margin), height = Math.ceil(result.box.height + 2 * margin + 40);
    await page.setViewportSize({ width, height });
    await page.evaluate(({ box, margin, width, height }) => {
      window.viewer.get('canvas').viewbox({ x: box.x - margin, y: box.y - margin, width, height });
    }, { box: result.box, margin, width, height });
    await page.screenshot({ path: outFile, fullPage: false });
    return result.warnings;
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

async function main(argv) {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { scale: { type: 'string', default: '1' } } });
  if (positionals.length !== 2) {
    console.error('usage: node render.mjs <file.bpmn> <out.png> [--scale 2]');
    return 2;
  }
  const [input, output] = positionals;
  const warnings = await renderPng(await readFile(input, 'utf8'), output, { scale: Number(values.scale) });
  for (const w of warnings) console.warn(`${input}: bpmn-js warning: ${w}`);
  console.log(`${output}: written`);
  return warnings.length ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
