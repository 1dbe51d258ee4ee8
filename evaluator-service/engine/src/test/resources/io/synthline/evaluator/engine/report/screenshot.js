// Opens a report in headless Chromium (Debian's build, driven by playwright-core), records every
// network request, measures every chart and takes a full-page screenshot.
// usage: node screenshot.js CHROMIUM REPORT.html OUT.png   (prints one JSON line)
const { chromium } = require('playwright-core');

(async () => {
  const [executablePath, report, png] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const external = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:')) external.push(r.url()); });
    await page.goto('file://' + report, { waitUntil: 'load' });
    const charts = await page.$$eval('svg.chart', (svgs) => svgs.map((s) => {
      const box = s.getBoundingClientRect();
      return { kind: s.dataset.chart, width: box.width, height: box.height,
               marks: s.querySelectorAll('rect, path').length };
    }));
    await page.screenshot({ path: png, fullPage: true });
    console.log(JSON.stringify({ charts, external, title: await page.title() }));
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
