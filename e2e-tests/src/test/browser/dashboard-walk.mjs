// Walks every page of the compliance dashboard in headless Chromium (Debian's chromium driven by
// playwright-core) as an auditor, a data owner and a data scientist, through the platform's one
// address (the gateway): no page wider than the 1400 px viewport, no critical axe-core violation,
// every evaluated run links to its report and the report opens in the session; a screenshot of
// every page. Run by PlatformFlowIT (e2e-tests), which asserts the JSON line this prints.
// Env: BASE_URL, SCREENSHOT_DIR, CHROMIUM, NODE_PATH (playwright-core and axe-core), TENANT.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(join(process.env.NODE_PATH, 'noop.js'));
const { chromium } = require('playwright-core');
// evaluated through the DevTools protocol: the dashboard's Content-Security-Policy (script-src 'self')
// rightly refuses an injected <script> tag, and the walk keeps that policy in force
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const base = process.env.BASE_URL;
const shots = process.env.SCREENSHOT_DIR;
const tenant = process.env.TENANT ?? 'acme';
const width = 1400;
const findings = { pages: [], tooWide: [], critical: [], runsWithoutReport: [], reports: [], errors: [] };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
         '--no-first-run', '--disable-component-update', '--disable-sync'],
});

async function signIn(user) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  // what the page itself tried and its Content-Security-Policy refused (an inline script, a foreign source) is an error
  page.on('console', m => {
    if (m.type() === 'error' && m.text().includes('Content Security Policy') && page.url().includes('/dashboard')) {
      findings.errors.push(`${user}: ${page.url()}: ${m.text()}`);
    }
  });
  await page.goto(`${base}/dashboard`);
  await page.waitForSelector('#username', { timeout: 60000 });
  await page.fill('#username', user);
  await page.fill('#password', 'demo');
  await page.click('#kc-login');
  await page.waitForSelector('#who', { timeout: 60000 });
  return { context, page };
}

let shot = 0;
/** Opens a page, checks its width and accessibility, keeps a screenshot; returns the response status. */
async function visit(page, user, url, name) {
  const response = await page.goto(url);
  const status = response ? response.status() : 0;
  await page.waitForLoadState('networkidle');
  const dims = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth,
                                            title: document.title }));
  const entry = { user, url: url.replace(base, ''), status, width: dims.scroll, title: dims.title };
  findings.pages.push(entry);
  if (dims.scroll > width) {
    findings.tooWide.push(entry);
  }
  if (url.includes('/dashboard') && !url.includes('/report') && !url.includes('/profile') && !url.includes('/datacard')) {
    await page.evaluate(axeSource);
    const result = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
    });
    entry.violations = result;
    for (const v of result.filter(v => v.impact === 'critical')) {
      findings.critical.push({ user, url: entry.url, ...v });
    }
  }
  shot += 1;
  await page.screenshot({ path: `${shots}/${String(shot).padStart(2, '0')}-${user}-${name}.png`, fullPage: true });
  return status;
}

async function walk(user) {
  const { context, page } = await signIn(`${tenant}-${user}`);
  const who = `${tenant}-${user}`;
  const nav = await page.$$eval('header nav a', as => as.map(a => ({ href: a.href, text: a.textContent.trim() })));
  findings[`${user}Nav`] = nav.map(n => n.text);
  for (const n of nav) {
    await visit(page, who, n.href, n.text.toLowerCase().replace(/\W+/g, '-'));
  }
  // the runs: every evaluated run links to its report, and the report opens in the session
  await page.goto(`${base}/dashboard/generations`);
  const runs = await page.$$eval('#generations tr[data-id]', rows => rows.map(r => ({
    id: r.dataset.id,
    release: r.querySelectorAll('.badge')[1]?.textContent.trim(),
    report: r.querySelector('a.report-link')?.href ?? null,
    details: r.querySelector(`a[href$="/runs/${r.dataset.id}"]`)?.href ?? null,
  })));
  findings[`${user}Runs`] = runs.length;
  for (const r of runs) {
    if (r.release && r.release !== 'NONE' && !r.report) {
      findings.runsWithoutReport.push({ user: who, run: r.id });
    }
  }
  const evaluated = runs.filter(r => r.report);
  if (evaluated.length > 0) {
    const status = await visit(page, who, evaluated[0].report, 'run-report');
    const heading = await page.textContent('h1');
    findings.reports.push({ user: who, run: evaluated[0].id, status, heading: heading.trim(), url: page.url().replace(base, '') });
    await visit(page, who, evaluated[0].details, 'run-details');
  }
  // every link of the detail pages the user can reach: profile, data card, lineage, audit trail
  const links = await page.$$eval('.links a', as => as.map(a => ({ href: a.href, text: a.textContent.trim() })));
  for (const l of links) {
    await visit(page, who, l.href, `run-${l.text.replace(/\W+/g, '-')}`);
  }
  if (user !== 'scientist') {
    // the audit log's detail view and its next page
    await page.goto(`${base}/dashboard/audit`);
    const detail = await page.$('#audit-rows details summary');
    if (detail) {
      await detail.click();
      findings[`${user}AuditDetail`] = (await page.textContent('#audit-rows details[open]')).slice(0, 200);
    }
    const next = await page.$('a#audit-next');
    if (next) {
      await visit(page, who, await next.getAttribute('href').then(h => new URL(h, base).href), 'audit-next-page');
    }
  }
  await context.close();
}

try {
  for (const user of ['auditor', 'owner', 'scientist']) {
    await walk(user);
  }
} catch (e) {
  findings.errors.push(String(e && e.stack || e));
  process.exitCode = 1;
} finally {
  console.log(JSON.stringify(findings));
  await browser.close();
}
