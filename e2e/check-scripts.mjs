// Every script Sunlight serves to a browser (src/main/resources, vendored libraries excepted) must at least parse: a
// syntax error leaves a page blank, and the browser stories visit only some pages. Classic scripts are checked as
// scripts, files with import/export as ES modules. Exit code = number of files that do not parse.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = process.argv[2] || 'src/main/resources';
const vendored = /(^|\/)(vendor|echarts)[^/]*\/|\.min\.js$|echarts/;

function* scripts(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* scripts(path);
    else if (name.endsWith('.js') && !vendored.test(relative(root, path))) yield path;
  }
}

let failed = 0;
let checked = 0;
for (const file of scripts(root)) {
  const code = readFileSync(file, 'utf8');
  const module = /^\s*(import|export)\s/m.test(code);
  const result = module
    ? spawnSync(process.execPath, ['--input-type=module', '--check'], { input: code, encoding: 'utf8' })
    : spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
  checked++;
  if (result.status !== 0) {
    failed++;
    console.log(`✘ ${file}${module ? ' (ES module)' : ''}\n${result.stderr}`);
  }
}
console.log(`${checked} scripts checked, ${failed} do not parse`);
process.exit(failed);
