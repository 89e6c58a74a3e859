// Drives the agent desk in headless Chromium (Debian's /usr/bin/chromium, through playwright-core:
// no browser download) as an agent would: sign in, find the task in the queue, open it, claim it,
// fill its Camunda Form, submit. The Java test (desk/AgentDeskBrowserTest)
// prepares the tasks and checks the journey afterwards.
//
//   node test/desk-browser.mjs '<scenario JSON>'
//
// scenario: {baseUrl, username, password, apiKey, chromium?, screenshotDir,
//            tasks: [{key, formId, values: {field: value},
//            conflict?: true, screenshot?: "name.png"}]}
// values are the form's keys; a select takes the option's value, a date field an ISO date.
// expectHistory: texts the debtor's history panel must show (e.g. the debtor's other debts).
// conflict: before submitting, another agent takes the task over the API; the desk must show the
// 409, and the agent claims it back and submits.
// expectForm: texts the task's form must show.
// expectQueue: texts the task's queue item must show (the debtor's name, the amount...).
// supervisor: {username, password, today}: a supervisor signs in too, sees "Supervisão" and the
// link to the KPI page, whose default period ends on `today` (the engine's date).
// Along the way: the sign-in page in Portuguese, the favicon, axe-core on every page (no serious
// or critical violation), no table or panel wider than its container at 1280 and 1440 px, the
// success message in view after submitting, an agent refused the KPI page with the refusal page.
// Prints one line per task and exits 0 when every task was completed from the desk.
import { chromium } from 'playwright-core';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const scenario = JSON.parse(process.argv[2] ?? '{}');
const baseUrl = scenario.baseUrl.replace(/\/$/, '');
// the desk's own calls go with the agent's session; the script's (forms, the other agent's moves)
// with an API key
const apiKey = scenario.apiKey;
const screenshotDir = scenario.screenshotDir ?? 'target/desk';
// a bound, not a pace: on 2 cores, with bin/test's two test JVMs busy beside the browser, a page
// has taken more than 20 s to answer
const TIMEOUT = 45000;
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [1280, 1440];

/** axe-core on the page as it is: fails on any serious or critical violation. */
async function axe(page, label) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  console.log(`axe ${label}: ${bad.length} serious/critical, ${result.violations.length - bad.length} minor, ${result.passes.length} rules passed`);
  if (bad.length > 0) {
    throw new Error(`axe ${label}: ${bad.map((v) => `${v.id} (${v.impact}) ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('; ')}`);
  }
}

/**
 * What is wider than its box at this width: the page, the desk's columns, the form's and the
 * history's tables (against the column that holds them) and any cell whose text is cut.
 */
async function overflows(page) {
  return page.evaluate(() => {
    const name = (e) => e.id ? `#${e.id}` : `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`;
    const bad = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) bad.push(`the page scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    for (const box of document.querySelectorAll('.queue, #task, #form, #history, #history .panel, #form .fjs-form-field')) {
      if (box.scrollWidth > box.clientWidth + 1) bad.push(`${name(box)} is ${box.scrollWidth} px wide in ${box.clientWidth}`);
    }
    for (const table of document.querySelectorAll('#form table, #history table')) {
      const column = table.closest('#form, #history').getBoundingClientRect();
      const own = table.getBoundingClientRect();
      const title = table.closest('.fjs-form-field')?.querySelector('label')?.textContent ?? name(table.parentElement);
      if (own.right > column.right + 1 || own.left < column.left - 1) bad.push(`table "${title}" overflows its column (${Math.round(own.right)} > ${Math.round(column.right)})`);
      for (const cell of table.querySelectorAll('th, td')) {
        if (cell.scrollWidth > cell.clientWidth + 1) bad.push(`table "${title}": cell "${cell.textContent}" is cut`);
      }
    }
    return bad;
  });
}

/** The tables and panels of the open task fit at each width the desk is used at. */
async function noOverflow(page, label) {
  const viewport = page.viewportSize();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: viewport.height });
    await page.waitForTimeout(100);
    const bad = await overflows(page);
    if (bad.length > 0) throw new Error(`${label} at ${width} px: ${bad.join('; ')}`);
    console.log(`overflow ${label} at ${width} px: none (${await page.locator('#form table, #history table, #history li').count()} tables and list rows checked)`);
  }
  await page.setViewportSize(viewport);
}

/** The element is inside the viewport, whole. */
async function inView(page, selector) {
  const box = await page.locator(selector).boundingBox();
  const viewport = page.viewportSize();
  return box !== null && box.y >= 0 && box.y + box.height <= viewport.height;
}

async function api(method, path, body) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

/** 2026-12-01 as the pt-BR date field expects it: 01/12/2026. */
function brDate(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

async function fill(page, schema, values) {
  for (const [key, value] of Object.entries(values)) {
    const component = schema.components.find((c) => c.key === key);
    if (!component) throw new Error(`form ${schema.id} has no field ${key}`);
    // form-js names a field's input fjs-form-<form>-<component id>, a date input with "-date" after
    const suffix = component.type === 'datetime' ? `-${component.id}-date` : `-${component.id}`;
    const input = page.locator(`#form [id$="${suffix}"]`).first();
    switch (component.type) {
      case 'select': {
        const option = component.values.find((o) => o.value === value);
        if (!option) throw new Error(`${key} has no option ${value}`);
        await page.locator(`#form .fjs-input-group:has([id$="-${component.id}"])`).click();
        await page.locator('#form .fjs-dropdownlist-item', { hasText: option.label }).first().click();
        break;
      }
      case 'datetime': {
        await input.click();
        await input.fill(brDate(value));
        await input.press('Enter');
        await input.press('Escape');
        break;
      }
      case 'number':
      case 'textfield':
      case 'textarea':
        await input.fill(String(value));
        break;
      default:
        throw new Error(`cannot fill a ${component.type} (${key})`);
    }
  }
  // leave the last field, so debounced fields hand their value to the form
  await page.locator('#task-title').click();
}

async function work(page, task) {
  const schema = await api('GET', `/api/forms/${task.formId}`);

  // the queue, filtered to the task's kind, shows it; the agent opens it
  await page.selectOption('#filter-kind', task.formId);
  await page.selectOption('#filter-state', 'unassigned');
  const item = page.locator(`.task-item[data-key="${task.key}"]`);
  await item.waitFor({ timeout: TIMEOUT });
  for (const text of task.expectQueue ?? []) {
    // triage at a glance: the queue item names the debtor, the amount, the due date, how late
    await page.locator(`.task-item[data-key="${task.key}"]`, { hasText: text }).waitFor({ timeout: TIMEOUT });
  }
  console.log(`queue item ${task.key}: ${(await item.innerText()).replace(/\s+/g, ' ')}`);
  await item.click();
  await page.locator('#form .fjs-form').waitFor({ timeout: TIMEOUT });
  await page.locator('#history .panel').first().waitFor({ timeout: TIMEOUT });
  for (const text of task.expectHistory ?? []) {
    // the debtor's history beside the form names every debt of the debtor
    await page.locator('#history', { hasText: text }).waitFor({ timeout: TIMEOUT });
  }

  for (const text of task.expectForm ?? []) {
    // what the form shows the agent, in Portuguese
    await page.locator('#form', { hasText: text }).waitFor({ timeout: TIMEOUT });
  }
  // the form's dropdowns speak Portuguese
  const placeholders = await page.locator('#form .fjs-select-display').allInnerTexts();
  if (placeholders.some((text) => text.trim() === 'Select')) throw new Error(`a dropdown says "Select": ${placeholders}`);
  await noOverflow(page, `${task.formId} form and history`);
  if (!task.conflict && task === scenario.tasks[0]) await axe(page, `desk with ${task.formId} open`);

  // claims it: the form becomes editable
  await page.click('#claim');
  await page.locator('#message.info').waitFor({ timeout: TIMEOUT });
  await page.locator('#complete:not([disabled])').waitFor({ timeout: TIMEOUT });

  // the whole queue again, the claimed task now marked as the agent's
  await page.selectOption('#filter-kind', '');
  await page.selectOption('#filter-state', '');
  await fill(page, schema, task.values);

  if (task.conflict) {
    // another agent takes the task meanwhile: the desk refuses with the API's 409
    await api('POST', `/api/tasks/${task.key}/unclaim`);
    await api('POST', `/api/tasks/${task.key}/claim`, { assignee: 'Outro Agente' });
    await page.click('#complete');
    await page.locator('#message.error', { hasText: 'Conflito' }).waitFor({ timeout: TIMEOUT });
    await page.screenshot({ path: join(screenshotDir, `${task.formId}-conflict.png`), fullPage: true });
    const conflictText = await page.locator('#message').innerText();
    console.log(`conflict shown on ${task.key}: ${conflictText}`);
    await api('POST', `/api/tasks/${task.key}/unclaim`);
    await page.click('#refresh');
    await item.locator('.badge.free').waitFor({ timeout: TIMEOUT });
    await item.click();
    await page.locator(`#task-meta`, { hasText: 'livre na fila' }).waitFor({ timeout: TIMEOUT });
    await page.click('#claim');
    await page.locator('#complete:not([disabled])').waitFor({ timeout: TIMEOUT });
    await fill(page, schema, task.values);
  }

  if (task.screenshot) {
    await page.screenshot({ path: join(screenshotDir, task.screenshot), fullPage: false });
  }
  await page.click('#complete');
  await page.locator('#message.success').waitFor({ timeout: TIMEOUT });
  await page.waitForTimeout(300); // the scroll that brings the confirmation into view
  if (!(await inView(page, '#message'))) throw new Error('the success message is out of view after submitting');
  await page.locator(`.task-item[data-key="${task.key}"]`).waitFor({ state: 'detached', timeout: TIMEOUT });
  console.log(`completed ${task.formId} ${task.key}: ${await page.locator('#message').innerText()}`);
}

/** The sign-in page: Portuguese, accessible, in the portal's look, with its favicon. */
async function signInPage(page) {
  await page.locator('h1', { hasText: 'Entrar na mesa de cobrança' }).waitFor({ timeout: TIMEOUT });
  const html = await page.content();
  if (/Please sign in|Username|Password/.test(html)) throw new Error('the sign-in page speaks English');
  if ((await page.getAttribute('html', 'lang')) !== 'pt-BR') throw new Error('the sign-in page is not lang=pt-BR');
  for (const icon of ['/favicon.ico', '/favicon.svg']) {
    const answer = await fetch(baseUrl + icon);
    if (answer.status !== 200) throw new Error(`${icon}: HTTP ${answer.status}`);
  }
  await axe(page, 'sign-in');
  await page.screenshot({ path: join(screenshotDir, 'login.png') });
  // a wrong password: said in Portuguese, on the same page
  await page.fill('#username', scenario.username);
  await page.fill('#password', 'not-the-password');
  await page.click('button[type=submit]');
  await page.locator('[role=alert]', { hasText: 'Usuário ou senha incorretos' }).waitFor({ timeout: TIMEOUT });
  await axe(page, 'sign-in refused');
  console.log('sign-in page in Portuguese, a wrong password refused');
}

/** A supervisor: labelled as such, with the KPI page a click away, its period on the engine's clock. */
async function supervisor(browser, who) {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ locale: 'pt-BR', timezoneId: 'America/Sao_Paulo', viewport });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/login`, { timeout: TIMEOUT });
    await page.fill('#username', who.username);
    await page.fill('#password', who.password);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/desk\/$/, { timeout: TIMEOUT });
    await page.locator('#agent-role', { hasText: 'Supervisão' }).waitFor({ timeout: TIMEOUT });
    await page.click('#kpi-link');
    await page.waitForURL(/\/kpis\.html$/, { timeout: TIMEOUT });
    await page.locator('#cards dd').first().waitFor({ timeout: TIMEOUT });
    const to = await page.inputValue('#to');
    if (to !== who.today) throw new Error(`the KPI page's period ends ${to}, not on the engine's date ${who.today}`);
    const presets = await page.locator('#presets button').allInnerTexts();
    if (presets.join('|') !== 'Este mês|Últimos 30 dias|Últimos 90 dias') throw new Error(`presets: ${presets}`);
    const labelSize = await page.locator('.bars .label').first().evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    if (labelSize < 14) throw new Error(`the KPI labels are ${labelSize} px`);
    const cards = (await page.locator('#cards').innerText()).replace(/\s+/g, ' ');
    if (/0,00\d/.test(cards)) throw new Error(`a KPI is shown as a tiny fraction: ${cards}`);
    if ((await overflows(page)).length > 0) throw new Error(`the KPI page overflows at ${viewport.width} px: ${await overflows(page)}`);
    await axe(page, `KPI page at ${viewport.width} px`);
    await page.screenshot({ path: join(screenshotDir, `kpis-${viewport.width}.png`), fullPage: true });
    if (errors.length > 0) throw new Error(errors.join('\n'));
    console.log(`supervisor at ${viewport.width} px: KPI page for ${await page.inputValue('#from')} to ${to}: ${cards}`);
    await context.close();
  }
}

async function main() {
  await mkdir(screenshotDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: scenario.chromium ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=pt-BR', // the date inputs as a Brazilian browser shows them
    ],
  });
  const context = await browser.newContext({
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
    viewport: { width: 1500, height: 1000 },
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // the browser logs every non-2xx answer; the 409 of the conflict is expected, the page shows it
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console error: ${message.text()}`);
  });
  let current = null;
  try {
    // the desk sends a stranger to the sign-in page, and the agent back to the desk after it
    await page.goto(`${baseUrl}/`, { timeout: TIMEOUT });
    await page.waitForURL(/\/login$/, { timeout: TIMEOUT });
    await signInPage(page);
    await page.fill('#username', scenario.username);
    await page.fill('#password', scenario.password);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/desk\/$/, { timeout: TIMEOUT });
    await page.locator('#agent-name', { hasText: scenario.username }).waitFor({ timeout: TIMEOUT });
    await page.locator('body:not(.no-agent)').waitFor({ timeout: TIMEOUT });
    // before a task is chosen, the right column tells what the queue holds
    await page.locator('#history h2', { hasText: 'Visão da fila' }).waitFor({ timeout: TIMEOUT });
    const role = await page.locator('#agent-role').innerText();
    if (role !== 'Agente' || (await page.locator('#kpi-link').isVisible())) throw new Error(`an agent is shown as "${role}", with the KPI link`);
    await axe(page, 'desk overview');
    await page.screenshot({ path: join(screenshotDir, 'desk-overview.png') });
    for (const task of scenario.tasks) {
      current = task;
      await work(page, task);
    }
    current = null;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(screenshotDir, 'desk-phone.png'), fullPage: false });
    if ((await overflows(page)).some((p) => p.startsWith('the page'))) throw new Error('the desk scrolls sideways on a phone');
    await page.setViewportSize({ width: 1500, height: 1000 });

    // an agent opening the KPI page gets the refusal page, in words, not JSON
    const refused = await page.goto(`${baseUrl}/kpis.html`, { timeout: TIMEOUT });
    if (refused.status() !== 403) throw new Error(`an agent opened the KPI page: HTTP ${refused.status()}`);
    await page.locator('h1', { hasText: 'Acesso não permitido' }).waitFor({ timeout: TIMEOUT });
    await axe(page, 'refusal page');
    await page.screenshot({ path: join(screenshotDir, 'refused.png') });
    console.log('agent refused the KPI page with the refusal page');

    if (scenario.supervisor) await supervisor(browser, scenario.supervisor);
    if (problems.length > 0) throw new Error(problems.join('\n'));
    console.log(`desk: ${scenario.tasks.length} task(s) completed from the page`);
  } catch (error) {
    const name = `failure-${current?.formId ?? 'start'}.png`;
    await page.screenshot({ path: join(screenshotDir, name), fullPage: true }).catch(() => {});
    console.error(`desk browser test failed${current ? ` on ${current.formId} ${current.key}` : ''}: ${error.stack}`);
    if (problems.length > 0) console.error(problems.join('\n'));
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

await main();
