// Imports every forms/*.form into form-js's viewer (the renderer Tasklist uses) in headless
// Chromium, as Tasklist would before showing it: a form whose schema form-js rejects (an unknown
// component type, a duplicate key, a malformed component) or imports with warnings fails.
// Chromium: CHROMIUM, else /usr/bin/chromium.
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const forms = path.resolve(__dirname, '../../forms');

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let failures = 0;
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body><div id="form"></div></body></html>');
    await page.addScriptTag({ path: path.join(__dirname, 'node_modules/@bpmn-io/form-js/dist/form-viewer.umd.js') });
    const files = fs.readdirSync(forms).filter((f) => f.endsWith('.form')).sort();
    for (const file of files) {
      const schema = JSON.parse(fs.readFileSync(path.join(forms, file), 'utf8'));
      const result = await page.evaluate(async (formSchema) => {
        const container = document.getElementById('form');
        container.innerHTML = '';
        const form = new window.FormViewer.Form({ container });
        try {
          const { warnings } = await form.importSchema(formSchema, {});
          return { warnings: warnings.map((w) => String(w.message || w)), fields: container.querySelectorAll('.fjs-form-field').length };
        } catch (e) {
          return { error: String(e.message || e) };
        } finally {
          form.destroy();
        }
      }, schema);
      if (result.error || result.warnings.length || !result.fields) {
        console.log(`forms/${file}:`, result.error || result.warnings.join('; ') || 'nothing rendered');
        failures++;
      } else {
        console.log(`forms/${file}: imported by form-js (${result.fields} fields rendered)`);
      }
    }
  } finally {
    await browser.close();
  }
  process.exit(failures ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
