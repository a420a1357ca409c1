// Renders processes/*.bpmn to SVG with bpmn-js in Debian's headless chromium.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { chromium } from 'playwright-core';

const [source, target] = process.argv.slice(2);
const viewer = readFileSync(new URL('./node_modules/bpmn-js/dist/bpmn-viewer.production.min.js', import.meta.url), 'utf8');
const files = readdirSync(source).filter((f) => f.endsWith('.bpmn')).sort();

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
let failed = 0;
try {
  const page = await browser.newPage();
  await page.setContent('<html><body><div id="canvas" style="width:1600px;height:900px"></div></body></html>');
  await page.addScriptTag({ content: viewer });
  for (const file of files) {
    const xml = readFileSync(join(source, file), 'utf8');
    const result = await page.evaluate(async (xml) => {
      const container = document.getElementById('canvas');
      container.innerHTML = '';
      const viewer = new BpmnJS({ container });
      try {
        const { warnings } = await viewer.importXML(xml);
        const { svg } = await viewer.saveSVG();
        return { svg, warnings: warnings.map((w) => w.message) };
      } catch (e) {
        return { error: e.message };
      } finally {
        viewer.destroy();
      }
    }, xml);
    if (result.error) {
      console.error(`${file}: ${result.error}`);
      failed++;
      continue;
    }
    result.warnings.forEach((w) => console.warn(`${file}: warning: ${w}`));
    const out = join(target, basename(file, '.bpmn') + '.svg');
    writeFileSync(out, result.svg);
    console.log(`rendered ${out}`);
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
