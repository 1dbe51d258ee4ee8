// End-to-end test of the compliance dashboard in headless Chromium (Debian's chromium driven by
// playwright-core), against the running governance service and the real Keycloak. Run by
// DashboardE2EIT, which seeds the pending request and checks the outcome in the API afterwards.
// Env: BASE_URL, GENERATION_ID (pending), RELEASED_ID (released), SCREENSHOT_DIR, CHROMIUM. Prints one JSON line of findings.
import { createRequire } from 'node:module';
import { join } from 'node:path';

// playwright-core lives where scripts/ensure-browser.sh installed it (NODE_PATH); ES modules ignore NODE_PATH
const { chromium } = createRequire(join(process.env.NODE_PATH, 'noop.js'))('playwright-core');

const base = process.env.BASE_URL;
const generation = process.env.GENERATION_ID;
const released = process.env.RELEASED_ID;
const shots = process.env.SCREENSHOT_DIR;
const findings = {};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
         '--no-first-run', '--disable-component-update', '--disable-sync'],
});

async function signIn(user) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/dashboard`);
  // authorization code flow with PKCE: the dashboard sends us to Keycloak's login form
  await page.waitForSelector('#username', { timeout: 60000 });
  findings[`${user}LoginPage`] = new URL(page.url()).pathname;
  findings.pkce = new URL(page.url()).searchParams.get('code_challenge_method');
  await page.fill('#username', user);
  await page.fill('#password', 'demo');
  await page.click('#kc-login');
  await page.waitForSelector('#who', { timeout: 60000 });
  return { context, page };
}

try {
  // --- the data owner approves the pending request
  const { context, page } = await signIn('acme-owner');
  findings.ownerBanner = (await page.textContent('#who')).trim();
  await page.screenshot({ path: `${shots}/01-overview-owner.png`, fullPage: true });

  await page.click('#nav-approvals');
  const row = page.locator(`#row-${generation}`);
  await row.waitFor({ timeout: 30000 });
  await page.screenshot({ path: `${shots}/02-approvals-inbox.png`, fullPage: true });
  await row.locator('input[name=justification]').fill('approved in the dashboard e2e test: DPIA 2026-07 covers it');
  await row.locator('button[name=approve]').click();
  await page.locator(`#row-${generation} .decided`).waitFor({ timeout: 30000 });
  findings.decision = (await page.textContent(`#row-${generation} .decided`)).trim();
  await page.screenshot({ path: `${shots}/03-approved.png`, fullPage: true });

  // --- the audit log shows the approval (once governance consumed its own event back from Kafka)
  await page.click('#nav-audit');
  await page.fill('#audit-filter input[name=type]', 'generation.approved');
  // the resource column links the run (its full id in the link's title)
  // (and names the approval: until the filter has applied, the run's other entries are listed too)
  const entry = page.locator('#audit-rows tr', { has: page.locator(`a[title="generations/${generation}"]`), hasText: 'generation.approved' });
  await page.waitForTimeout(800);
  for (let i = 0; i < 60 && (await entry.count()) === 0; i++) {
    await page.waitForTimeout(500);
    await page.goto(`${base}/dashboard/audit?type=generation.approved`);
  }
  await entry.first().waitFor({ timeout: 5000 });
  findings.auditEntry = (await entry.first().innerText()).replace(/\s+/g, ' ').trim();
  await page.screenshot({ path: `${shots}/04-audit-entry.png`, fullPage: true });

  // --- and the chain verifies
  await page.click('#verify-chain');
  await page.waitForSelector('#chain-result', { timeout: 60000 });
  findings.chain = (await page.textContent('#chain-result')).trim();
  await page.screenshot({ path: `${shots}/05-chain-verified.png`, fullPage: true });

  // --- a released run: its data card opens in the session, and the owner asks for a re-evaluation
  await page.goto(`${base}/dashboard/generations`);
  const run = page.locator(`#generations tr[data-id="${released}"]`);
  await run.waitFor({ timeout: 30000 });
  await run.locator('button', { hasText: 'Re-evaluate now' }).click();
  await run.locator('.badge', { hasText: 're-evaluation' }).waitFor({ timeout: 30000 });
  findings.reevaluation = (await run.locator('.badge', { hasText: 're-evaluation' }).textContent()).trim();
  await page.screenshot({ path: `${shots}/06-reevaluation-requested.png`, fullPage: true });
  await run.locator('a', { hasText: 'data card' }).click();
  await page.waitForSelector('h1', { timeout: 30000 });
  findings.dataCardTitle = (await page.textContent('h1')).trim();
  await page.screenshot({ path: `${shots}/07-data-card.png`, fullPage: true });

  // --- actions on an id the tenant does not have (another tenant's or none at all) answer 404, never a success
  const unknown = '00000000-0000-4000-8000-000000000000';
  const post = async (path) => {
    const r = await context.request.post(`${base}${path}`, { headers: { 'HX-Request': 'true' },
      form: { justification: 'a justification long enough' } });
    return { status: r.status(), body: await r.text() };
  };
  findings.unknownApprove = await post(`/dashboard/approvals/${unknown}/approve`);
  findings.unknownAcknowledge = await post(`/dashboard/alerts/${unknown}/acknowledge`);
  findings.unknownReevaluate = await post(`/dashboard/releases/${unknown}/reevaluate`);
  findings.csp = (await (await page.goto(`${base}/dashboard/datasets`)).headerValue('content-security-policy')) ?? '';
  await page.screenshot({ path: `${shots}/08-datasets.png`, fullPage: true });
  await page.goto(`${base}/dashboard/lineage`);
  await page.screenshot({ path: `${shots}/09-lineage.png`, fullPage: true });
  await context.close();

  // --- a data scientist sees no oversight pages and cannot open them
  const scientist = await signIn('acme-scientist');
  findings.scientistNav = await scientist.page.locator('#nav-approvals').count();
  const forbidden = await scientist.page.goto(`${base}/dashboard/approvals`);
  findings.scientistApprovalsStatus = forbidden.status();
  await scientist.context.close();

  // --- an auditor sees everything of the tenant, read-only
  const auditor = await signIn('acme-auditor');
  findings.auditorBanner = (await auditor.page.textContent('#who')).trim();
  await auditor.page.click('#nav-approvals');
  findings.auditorApproveButtons = await auditor.page.locator('button[name=approve]').count();
  await auditor.page.click('#nav-audit');
  findings.auditorAuditRows = await auditor.page.locator('#audit-rows tr').count();
  await auditor.page.goto(`${base}/dashboard/generations`);
  await auditor.page.locator(`#generations tr[data-id="${released}"]`).waitFor({ timeout: 30000 });
  findings.auditorReevaluateButtons = await auditor.page.locator('button', { hasText: 'Re-evaluate now' }).count();
  await auditor.page.screenshot({ path: `${shots}/10-auditor-audit-log.png`, fullPage: true });
  await auditor.context.close();
  console.log(JSON.stringify(findings));
} catch (e) {
  console.error(`dashboard e2e failed: ${e.message}`);
  console.log(JSON.stringify(findings));
  process.exitCode = 1;
} finally {
  await browser.close();
}
