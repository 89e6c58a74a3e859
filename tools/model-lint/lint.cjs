// Lints BPMN files as Camunda Modeler does for Camunda 8.8: bpmnlint's recommended rules plus the
// camunda-compat rules, on models read with the Zeebe extensions. Exits 1 on any error or warning
// (the Modeler shows both in its Problems panel).
const fs = require('fs');
const { BpmnModdle } = require('bpmn-moddle');
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json');
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
(async () => {
  const config = JSON.parse(fs.readFileSync(require('path').join(__dirname, '.bpmnlintrc'), 'utf8'));
  const linter = new Linter({ config, resolver: new NodeResolver() });
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    const moddle = new BpmnModdle({ zeebe });
    const { rootElement, warnings } = await moddle.fromXML(fs.readFileSync(file, 'utf8'));
    for (const w of warnings) { console.log(file, 'import warning:', w.message); problems++; }
    const results = await linter.lint(rootElement);
    for (const [rule, reports] of Object.entries(results)) {
      for (const r of reports) { console.log(file, r.category, rule, r.id, r.message); if (r.category !== 'info') problems++; }
    }
  }
  process.exit(problems ? 1 : 0);
})();
