// Renders every bpmn/*.bpmn to docs/diagrams/<name>.svg as Camunda Modeler draws it: bpmn-js (the
// Modeler's renderer) in headless Chromium, driven by playwright-core. With --check, renders to
// memory and exits 1 when a committed SVG is missing or differs (a model changed without
// re-rendering). Chromium: CHROMIUM, else /usr/bin/chromium (Debian's package "chromium").
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '../..');
const models = path.join(root, 'bpmn');
const out = path.join(root, 'docs', 'diagrams');
const check = process.argv.includes('--check');

// bpmn-js names arrow markers with random ids; number them in order so the output is reproducible.
function stableIds(svg) {
  const ids = new Map();
  return svg.replace(/marker-[a-z0-9]{10,}/g, (id) => {
    if (!ids.has(id)) ids.set(id, `marker-${ids.size + 1}`);
    return ids.get(id);
  });
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  let stale = 0;
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body><div id="canvas" style="width:1600px;height:900px"></div></body></html>');
    await page.addStyleTag({ path: require.resolve('bpmn-js/dist/assets/bpmn-js.css') });
    await page.addScriptTag({ path: require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js') });
    const files = fs.readdirSync(models).filter((f) => f.endsWith('.bpmn')).sort();
    if (!check) fs.mkdirSync(out, { recursive: true });
    for (const file of files) {
      const xml = fs.readFileSync(path.join(models, file), 'utf8');
      const svg = await page.evaluate(async (bpmnXml) => {
        document.getElementById('canvas').innerHTML = '';
        const viewer = new window.BpmnJS({ container: '#canvas' });
        const { warnings } = await viewer.importXML(bpmnXml);
        if (warnings.length) throw new Error(warnings.map((w) => w.message).join('; '));
        const { svg } = await viewer.saveSVG();
        viewer.destroy();
        return svg;
      }, xml).then(stableIds);
      const target = path.join(out, file.replace(/\.bpmn$/, '.svg'));
      const rel = path.relative(root, target);
      if (check) {
        if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== svg + '\n') {
          console.log(`${rel} is not current: run bin/render-diagrams and commit it`);
          stale++;
        }
      } else {
        fs.writeFileSync(target, svg + '\n');
        console.log(`rendered ${rel}`);
      }
    }
  } finally {
    await browser.close();
  }
  process.exit(stale ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
