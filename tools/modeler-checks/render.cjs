// Opens every BPMN in Camunda's own modeler (camunda-bpmn-js, the bpmn-js distribution Camunda
// Modeler is built on) in headless Chromium, with textback's element templates loaded. Fails on any
// import error or warning, on a task whose template is not found, and on a textback connector task
// without a template. With --write DIR it also saves each diagram as DIR/NAME.svg (bin/diagrams).
const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');

const root = path.resolve(__dirname, '..', '..');
const chromium = process.env.CHROMIUM || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .find((p) => fs.existsSync(p));

async function main() {
  const args = process.argv.slice(2);
  const writeAt = args.indexOf('--write');
  const outDir = writeAt >= 0 ? path.resolve(args[writeAt + 1]) : null;
  const dir = path.join(root, 'bpmn/src/main/resources/bpmn');
  const models = fs.readdirSync(dir).filter((f) => f.endsWith('.bpmn')).sort();
  if (!chromium) {
    console.error('no Chromium found: apt-get install chromium, or set CHROMIUM to its path');
    process.exit(2);
  }
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  let problems = 0;
  try {
    const page = await browser.newPage();
    await page.setContent('<html><body><div id="canvas" style="width:1900px;height:1000px"></div></body></html>');
    await page.addScriptTag({ path: require.resolve('camunda-bpmn-js/dist/camunda-cloud-modeler.production.min.js') });
    const templates = ['twilio', 'hubspot', 'gohighlevel'].flatMap((m) => {
      const templateDir = path.join(root, 'connectors', m, 'element-templates');
      return fs.readdirSync(templateDir).filter((f) => f.endsWith('.json'))
        .map((f) => JSON.parse(fs.readFileSync(path.join(templateDir, f), 'utf8')));
    });
    for (const model of models) {
      const xml = fs.readFileSync(path.join(dir, model), 'utf8');
      const result = await page.evaluate(async (xml, templates) => {
        const modeler = new BpmnModeler({ container: '#canvas' });
        try {
          modeler.get('elementTemplatesLoader').setTemplates(templates);
          const { warnings } = await modeler.importXML(xml);
          const elementTemplates = modeler.get('elementTemplates');
          const templateProblems = [];
          let applied = 0;
          for (const element of modeler.get('elementRegistry').getAll()) {
            const bo = element.businessObject;
            if (!bo || !bo.$instanceOf || !bo.$instanceOf('bpmn:ServiceTask')) {
              continue;
            }
            const templateId = bo.get('zeebe:modelerTemplate');
            const definition = (bo.extensionElements && bo.extensionElements.values || [])
              .find((e) => e.$type === 'zeebe:TaskDefinition');
            if (templateId) {
              if (elementTemplates.get(element)) {
                applied++;
              } else {
                templateProblems.push(`${element.id}: template ${templateId} not found`);
              }
            } else if (definition && String(definition.type).startsWith('io.textback:')) {
              templateProblems.push(`${element.id}: connector task without its element template`);
            }
          }
          const { svg } = await modeler.saveSVG();
          return { warnings: warnings.map((w) => w.message), templateProblems, applied, svg,
            shapes: modeler.get('elementRegistry').getAll().length };
        } catch (e) {
          return { error: e.message, warnings: (e.warnings || []).map((w) => w.message), templateProblems: [] };
        } finally {
          modeler.destroy();
        }
      }, xml, templates);
      for (const p of result.templateProblems) {
        console.log(`${model}: ${p}`);
        problems++;
      }
      for (const w of result.warnings) {
        console.log(`${model}: import warning: ${w}`);
        problems++;
      }
      if (result.error) {
        console.log(`${model}: cannot be rendered: ${result.error}`);
        problems++;
        continue;
      }
      console.log(`${model}: rendered, ${result.shapes} elements, ${result.applied} tasks with their template`);
      if (outDir) {
        fs.mkdirSync(outDir, { recursive: true });
        fs.writeFileSync(path.join(outDir, model.replace(/\.bpmn$/, '.svg')), result.svg);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`camunda-bpmn-js: ${models.length} models, ${problems} problems`);
  process.exit(problems === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
