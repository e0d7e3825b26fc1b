// Renders every BPMN with bpmn-js (the library Camunda Modeler draws with) in headless Chromium.
// Fails on any import error or warning. With --write DIR it also saves each diagram as DIR/NAME.svg
// (bin/diagrams regenerates the README's images that way).
const fs = require('fs');
const path = require('path');
const puppeteer = require('puppeteer-core');
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json');
const modeler = require('modeler-moddle/resources/modeler.json');

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
    await page.addStyleTag({ path: require.resolve('bpmn-js/dist/assets/bpmn-js.css') });
    await page.addScriptTag({ path: require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js') });
    for (const model of models) {
      const xml = fs.readFileSync(path.join(dir, model), 'utf8');
      const result = await page.evaluate(async (xml, extensions) => {
        const viewer = new BpmnJS({ container: '#canvas', moddleExtensions: extensions });
        try {
          const { warnings } = await viewer.importXML(xml);
          const { svg } = await viewer.saveSVG();
          const shapes = viewer.get('elementRegistry').getAll().length;
          return { warnings: warnings.map((w) => w.message), svg, shapes };
        } catch (e) {
          return { error: e.message, warnings: (e.warnings || []).map((w) => w.message) };
        } finally {
          viewer.destroy();
        }
      }, xml, { zeebe, modeler });
      for (const w of result.warnings) {
        console.log(`${model}: import warning: ${w}`);
        problems++;
      }
      if (result.error) {
        console.log(`${model}: cannot be rendered: ${result.error}`);
        problems++;
        continue;
      }
      console.log(`${model}: rendered, ${result.shapes} elements`);
      if (outDir) {
        fs.mkdirSync(outDir, { recursive: true });
        fs.writeFileSync(path.join(outDir, model.replace(/\.bpmn$/, '.svg')), result.svg);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`bpmn-js: ${models.length} models, ${problems} problems`);
  process.exit(problems === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
