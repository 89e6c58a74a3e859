// Drives the debtor's portal in headless Chromium (Debian's /usr/bin/chromium, through
// playwright-core) as a debtor would, at each viewport asked (a phone, 390x844, and a desktop):
// a forged link, the link out of the e-mail, a wrong identity answer, the right one; copies the
// Pix, downloads the boleto, accepts an offer, promises a date, opts out of SMS, contests. axe-core
// checks every page it sees. The Java test (portal/PortalBrowserTest) prepares the debts and the
// e-mail, and checks the data afterwards.
//
//   node test/portal-browser.mjs '<scenario JSON>'
//
// scenario: {chromium?, screenshotDir, runs: [{name, viewport: {width, height}, link, forgedLink,
//            identity, offerDebt, promiseDebt, promiseDate, contestDebt}]}
// Prints one line per step; exits 0 when every step worked and axe found no serious or critical
// violation.
import { chromium } from 'playwright-core';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const scenario = JSON.parse(process.argv[2] ?? '{}');
const screenshotDir = scenario.screenshotDir ?? 'target/portal';
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// a bound, not a pace: on 2 cores, with bin/test's two test JVMs busy beside the browser, a page
// has taken more than 20 s to answer
const TIMEOUT = 45000;
const problems = [];

async function axe(page, label) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = result.violations.length - bad.length;
  console.log(`axe ${label}: ${bad.length} serious/critical, ${minor} minor, ${result.passes.length} rules passed`);
  for (const v of bad) {
    problems.push(`axe ${label}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
}

/** How long the page took to load and how many bytes it brought (the HTML, its CSS and script). */
async function timing(page, label) {
  const t = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const resources = performance.getEntriesByType('resource');
    const bytes = (nav?.transferSize ?? 0) + resources.reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
    return { ms: Math.round(nav?.duration ?? 0), ttfb: Math.round(nav?.responseStart ?? 0), html: nav?.encodedBodySize ?? 0, bytes };
  });
  console.log(`timing ${label}: load ${t.ms} ms, first byte ${t.ttfb} ms, html ${t.html} B, total ${t.bytes} B`);
}

async function expectText(page, selector, text) {
  try {
    await page.locator(selector, { hasText: text }).first().waitFor({ timeout: TIMEOUT });
  } catch (error) {
    const found = await page.locator(selector).first().innerText().catch(() => '(none)');
    throw new Error(`${selector} says "${found}", not "${text}"`);
  }
}

async function run(browser, r) {
  const context = await browser.newContext({
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
    viewport: r.viewport,
    isMobile: r.viewport.width < 600,
    hasTouch: r.viewport.width < 600,
    acceptDownloads: true,
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(r.link).origin });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (error) => problems.push(`${r.name}: page error: ${error.message}`));
  const shot = (file) => page.screenshot({ path: join(screenshotDir, `portal-${r.name}-${file}.png`), fullPage: true });

  // a forged link: one page that reveals nothing
  await page.goto(r.forgedLink);
  await expectText(page, 'h1', 'Link inválido ou expirado');
  await axe(page, `${r.name} forged link`);
  await shot('link-invalido');
  console.log(`${r.name}: forged link refused`);

  // the e-mail's link: who are you?
  await page.goto(r.link);
  await expectText(page, 'h1', 'Confirme sua identidade');
  await axe(page, `${r.name} identity`);
  await timing(page, `${r.name} identity`);
  await shot('identidade');
  await page.getByLabel('Os 5 primeiros dígitos do seu CPF ou CNPJ').fill('00000');
  await page.getByRole('button', { name: 'Continuar' }).click();
  await expectText(page, '[role=alert]', 'Os dados não conferem');
  const refused = await page.content();
  if (refused.includes(r.offerDebt)) throw new Error('the refused page shows the debt');
  await axe(page, `${r.name} wrong identity`);
  await shot('identidade-errada');
  console.log(`${r.name}: wrong identity refused`);

  await page.getByLabel('Os 5 primeiros dígitos do seu CPF ou CNPJ').fill(r.identity);
  await page.getByRole('button', { name: 'Continuar' }).click();
  await expectText(page, 'h1', 'Olá,');
  await axe(page, `${r.name} debts`);
  await timing(page, `${r.name} debts`);
  await shot('pendencias');
  await page.screenshot({ path: join(screenshotDir, `portal-${r.name}-pendencias-tela.png`) });
  console.log(`${r.name}: identity confirmed`);

  // copy the Pix
  const offer = page.locator('section.debt', { hasText: r.offerDebt });
  await offer.getByRole('button', { name: 'Copiar código Pix' }).click();
  await expectText(offer, '.pix .copied', 'Copiado');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const pix = await offer.locator('.pix textarea').inputValue();
  if (copied !== pix || !pix.startsWith('000201')) throw new Error(`clipboard has "${copied}", not the Pix`);
  console.log(`${r.name}: pix copied ${copied}`);

  // download the boleto
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    offer.getByRole('link', { name: /Baixar boleto/ }).click(),
  ]);
  const pdf = join(screenshotDir, `portal-${r.name}-boleto.pdf`);
  await download.saveAs(pdf);
  console.log(`${r.name}: boleto downloaded ${pdf}`);

  // accept the first offer
  await offer.getByText('Negociar: desconto à vista ou parcelamento').click();
  await page.screenshot({ path: join(screenshotDir, `portal-${r.name}-ofertas-tela.png`) });
  const accept = offer.getByRole('button', { name: /^Aceitar/ }).first();
  const acceptLabel = await accept.innerText();
  await accept.click();
  await expectText(page, '[role=status]', 'Acordo fechado');
  await axe(page, `${r.name} agreement`);
  await shot('acordo');
  console.log(`${r.name}: offer accepted (${acceptLabel})`);

  // promise a date
  const promise = page.locator('section.debt', { hasText: r.promiseDebt });
  await promise.getByText('Prometer pagar em outra data').click();
  await promise.locator('input[type=date]').fill(r.promiseDate);
  await promise.getByRole('button', { name: 'Registrar promessa' }).click();
  await expectText(page, '[role=status]', 'Promessa registrada');
  console.log(`${r.name}: promised ${r.promiseDate}`);

  // opt out of SMS
  await page.getByRole('button', { name: 'Não quero receber por SMS' }).click();
  await expectText(page, '[role=status]', 'não receberá mais mensagens por SMS');
  console.log(`${r.name}: opted out of SMS`);

  // contest
  const contest = page.locator('section.debt', { hasText: r.contestDebt });
  await contest.getByText('Não reconhece esta dívida? Contestar').click();
  await contest.getByLabel('Motivo da contestação').fill('Não reconheço esta compra');
  await contest.getByRole('button', { name: 'Enviar contestação' }).click();
  await expectText(page, '[role=status]', 'Contestação registrada');
  await axe(page, `${r.name} after actions`);
  await shot('final');
  console.log(`${r.name}: contested`);
  await context.close();
}

async function main() {
  await mkdir(screenshotDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: scenario.chromium ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    for (const r of scenario.runs) await run(browser, r);
  } finally {
    await browser.close();
  }
  if (problems.length) {
    for (const p of problems) console.log(`PROBLEM ${p}`);
    process.exit(1);
  }
  console.log('portal ok');
}

main().catch((error) => {
  console.log(`FAILED ${error.stack ?? error}`);
  process.exit(1);
});
