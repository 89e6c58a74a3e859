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
// Prints one line per task and exits 0 when every task was completed from the desk.
import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const scenario = JSON.parse(process.argv[2] ?? '{}');
const baseUrl = scenario.baseUrl.replace(/\/$/, '');
// the desk's own calls go with the agent's session; the script's (forms, the other agent's moves)
// with an API key
const apiKey = scenario.apiKey;
const screenshotDir = scenario.screenshotDir ?? 'target/desk';
const TIMEOUT = 20000;

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
  await item.click();
  await page.locator('#form .fjs-form').waitFor({ timeout: TIMEOUT });
  await page.locator('#history .panel').first().waitFor({ timeout: TIMEOUT });
  for (const text of task.expectHistory ?? []) {
    // the debtor's history beside the form names every debt of the debtor
    await page.locator('#history', { hasText: text }).waitFor({ timeout: TIMEOUT });
  }

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
  await page.locator(`.task-item[data-key="${task.key}"]`).waitFor({ state: 'detached', timeout: TIMEOUT });
  console.log(`completed ${task.formId} ${task.key}: ${await page.locator('#message').innerText()}`);
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
    await page.fill('#username', scenario.username);
    await page.fill('#password', scenario.password);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/desk\/$/, { timeout: TIMEOUT });
    await page.locator('#agent-name', { hasText: scenario.username }).waitFor({ timeout: TIMEOUT });
    await page.locator('body:not(.no-agent)').waitFor({ timeout: TIMEOUT });
    for (const task of scenario.tasks) {
      current = task;
      await work(page, task);
    }
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
