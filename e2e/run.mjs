#!/usr/bin/env node
// Browser end-to-end tests: Debian's Chromium driven by playwright-core, against a running Sunlight.
//
//   node e2e/run.mjs --base=http://localhost:8080 --out=target/e2e --today=2026-03-02 [--now=<ISO instant>] [story ...]
//
// Runs each story of e2e/stories/ (all, in name order, unless named) and exits 1 if one fails. `--today` is the
// application's date (the tests fix the engine clock), for the dates an officer types; `--now`, the application's
// instant, starts the pages' clocks there too (they tick on), so that "due in 3 days" reads as the server means it. Screenshots of every step go
// to <out>/<story>/. Chromium runs headless in Chinese with a fresh temporary profile (Playwright's own --user-data-dir,
// removed on close), no sandbox (CI runs as root), no GPU and no background network traffic.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Harness } from './lib/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { chromium } = createRequire(import.meta.url)('playwright-core');

const options = Object.fromEntries(process.argv.slice(2).filter((a) => a.startsWith('--'))
  .map((a) => a.slice(2).split('=')));
const named = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const base = options.base || 'http://localhost:8080';
const out = path.resolve(options.out || 'target/e2e');
const today = options.today || new Date().toISOString().slice(0, 10);
const now = options.now || null;
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

const stories = (await readdir(path.join(here, 'stories'))).filter((f) => f.endsWith('.mjs')).sort()
  .map((f) => f.replace(/\.mjs$/, '')).filter((s) => !named.length || named.includes(s));
if (!stories.length) {
  console.error(`no story to run (asked for: ${named.join(', ') || 'all'})`);
  process.exit(2);
}

let browser;
try {
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=zh-CN'],
    // the browser's own widgets (file chooser, date-time fields) in Chinese, as a Chinese officer's Chromium draws
    // them: Chromium on Linux takes its UI language from LANGUAGE; the pages' locale is set per context
    env: { ...process.env, LANGUAGE: 'zh_CN:zh' },
  });
} catch (err) {
  console.error(`cannot start Chromium at ${executablePath} (apt-get install chromium fonts-noto-cjk; .ci/run does):\n${err.message}`);
  process.exit(1);
}

let passed = 0;
let failed = 0;
const state = {};
for (const story of stories) {
  const t = new Harness({ browser, base, out, today, now, story, state });
  await t.prepare();
  const started = Date.now();
  try {
    const { default: run } = await import(pathToFileURL(path.join(here, 'stories', `${story}.mjs`)).href);
    await run(t);
    passed++;
    console.log(`✔ ${story} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  } catch (err) {
    failed++;
    console.log(`✘ ${story}: ${err.stack || err.message}`);
  } finally {
    await t.close();
  }
}
await browser.close();
console.log(`e2e stories: ${passed} passed, ${failed} failed (screenshots in ${out})`);
process.exit(failed ? 1 : 0);
