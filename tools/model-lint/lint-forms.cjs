// Lints forms/*.form as Camunda Modeler does for Camunda 8.8: the Modeler's own form linter
// (@camunda/form-linting: component types, properties and FEEL the 8.8 engine and Tasklist support)
// plus the structure form-js imports (a default form with an id, schema version and components
// whose ids and keys are unique). Exits 1 on any error or warning.
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

// @camunda/form-linting ships ES module sources without "type": "module"; bundle it to CommonJS.
function loadFormLinter() {
  const out = esbuild.buildSync({
    entryPoints: [require.resolve('@camunda/form-linting')],
    bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', out.outputFiles[0].text)(mod, mod.exports, require);
  return mod.exports.FormLinter;
}

const EXECUTION_PLATFORM_VERSION = /^8\.8\./;

function structure(form) {
  const problems = [];
  if (form.type !== 'default') problems.push('type must be "default"');
  if (typeof form.id !== 'string' || !form.id) problems.push('no form id (the formId user tasks link)');
  if (!Number.isInteger(form.schemaVersion)) problems.push('no schemaVersion');
  if (form.executionPlatform !== 'Camunda Cloud') problems.push('executionPlatform must be "Camunda Cloud"');
  if (!EXECUTION_PLATFORM_VERSION.test(form.executionPlatformVersion || '')) {
    problems.push(`executionPlatformVersion ${form.executionPlatformVersion} is not 8.8.x`);
  }
  const ids = new Set();
  const keys = new Set();
  (function walk(components, where) {
    if (!Array.isArray(components)) { problems.push(`${where}: components must be a list`); return; }
    for (const c of components) {
      if (!c || typeof c.type !== 'string') { problems.push(`${where}: a component without a type`); continue; }
      if (!c.id) problems.push(`${where}: a ${c.type} without an id`);
      else if (ids.has(c.id)) problems.push(`duplicate component id ${c.id}`);
      else ids.add(c.id);
      if (c.key !== undefined) {
        if (keys.has(c.key)) problems.push(`duplicate key ${c.key} (${c.id})`);
        keys.add(c.key);
      }
      if (c.components) walk(c.components, c.id);
    }
  })(form.components, form.id || 'form');
  return problems;
}

const FormLinter = loadFormLinter();
let failures = 0;
for (const file of process.argv.slice(2)) {
  const name = path.relative(process.cwd(), file);
  let text;
  let form;
  try {
    text = fs.readFileSync(file, 'utf8');
    form = JSON.parse(text);
  } catch (e) {
    console.log(name, 'error', 'not JSON:', e.message); failures++; continue;
  }
  for (const p of structure(form)) { console.log(name, 'error', p); failures++; }
  for (const r of new FormLinter().lint(text)) {
    console.log(name, r.category, r.id, r.message); failures++;
  }
}
process.exit(failures ? 1 : 0);
