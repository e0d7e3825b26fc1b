// Camunda Modeler's checks, run by bin/test after the Maven build:
//  - every BPMN in bpmn/src/main/resources/bpmn against Modeler's lint rules for the 8.8 engine
//    (bpmnlint's recommended rules and bpmnlint-plugin-camunda-compat), with the zeebe: extensions
//    read as Modeler reads them; an import warning counts too;
//  - every element template in connectors/*/element-templates against the element templates JSON
//    schema (@bpmn-io/element-templates-validator).
// Prints each problem and exits 1 if there is any error or warning.
const fs = require('fs');
const path = require('path');
const { BpmnModdle } = require('bpmn-moddle');
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const { validateZeebe } = require('@bpmn-io/element-templates-validator');
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json');
const modeler = require('modeler-moddle/resources/modeler.json');

const root = path.resolve(__dirname, '..', '..');
const config = { extends: ['bpmnlint:recommended', 'plugin:camunda-compat/camunda-cloud-8-8'] };

function filesIn(dir, ext) {
  return fs.readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => path.join(dir, f));
}

async function lintModels(files) {
  let problems = 0;
  for (const file of files) {
    const name = path.relative(root, file);
    const { rootElement, warnings } = await new BpmnModdle({ zeebe, modeler }).fromXML(fs.readFileSync(file, 'utf8'));
    for (const w of warnings) {
      console.log(`${name}: import warning: ${w.message}`);
      problems++;
    }
    // a linter per model: some rules remember what they saw
    const reports = await new Linter({ config, resolver: new NodeResolver() }).lint(rootElement);
    for (const [rule, list] of Object.entries(reports)) {
      for (const r of list) {
        console.log(`${name}: ${r.category} ${r.id || ''} ${rule}: ${r.message}`);
        problems++;
      }
    }
  }
  return problems;
}

function validateTemplates(files) {
  let problems = 0;
  for (const file of files) {
    const { valid, errors } = validateZeebe(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!valid) {
      for (const e of errors) {
        console.log(`${path.relative(root, file)}: ${e.dataPath || e.instancePath || ''} ${e.message}`);
        problems++;
      }
    }
  }
  return problems;
}

async function main() {
  const models = process.argv.length > 2 ? process.argv.slice(2) : filesIn(path.join(root, 'bpmn/src/main/resources/bpmn'), '.bpmn');
  const templates = ['twilio', 'hubspot', 'gohighlevel'].flatMap((m) => filesIn(path.join(root, 'connectors', m, 'element-templates'), '.json'));
  const problems = (await lintModels(models)) + validateTemplates(templates);
  console.log(`Modeler checks: ${models.length} models, ${templates.length} element templates, ${problems} problems`);
  process.exit(problems === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
