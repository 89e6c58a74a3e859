// Takes docs/kpis.png, the screenshot of the KPI page shown by docs/kpis.md, from a running service
// in embedded mode (bin/run; BASE_URL, default http://localhost:8080), with embedded mode's
// development credentials (docs/security.md): the API key dev-integration-key (API_KEY) for the
// API calls, and the supervisor supervisora/supervisora (DESK_USER, DESK_PASSWORD), who signs in
// through the desk's /login page in the browser, since only a supervisor may see the KPIs.
//
// With --seed it first makes a small book of debts through the public API: registers twelve, due
// four to six days after the dev clock's today (São Paulo), lets the dev clock run their régua for
// ten days (the journey's own reminders; each day's stop is at CONTACTS_DONE, 12:00 São Paulo: past
// every debt's contact time, 09:00 plus its minute, and inside the contact hours, else a reminder
// would fire a day late or only be postponed) and pays nine of them, in full before the due
// date, in part a month late or in full up to three months late. The page then shows the period
// from that today to ten days after it, which holds the book's due dates (the period is set by the
// page's ?from=&to=; its presets end on the engine's date, which the dev clock has moved). Without
// --seed, FROM and TO (ISO dates) choose the period, else the page's default (the last 90 days).
//
// With --desk-seed it also registers five intensive debts (three late payments, a low score: the
// strategy with the agents' calls) due six days after the dev clock's today, two of them of the
// same debtor, and moves the clock to the next day's CONTACTS_DONE: their D-5 preventive calls
// open, and the desk has a queue to show.
//
// Then the agent desk as the agent agente/agente (AGENT_USER, AGENT_PASSWORD) sees it: the queue
// with its overview (docs/desk-queue.png) and the first task opened and claimed (docs/desk.png),
// at 1440x900.
const path = require('path');
const { chromium } = require('playwright-core');

const base = (process.env.BASE_URL || 'http://localhost:8080').replace(/\/$/, '');
const apiKey = process.env.API_KEY || 'dev-integration-key';
const user = process.env.DESK_USER || 'supervisora';
const password = process.env.DESK_PASSWORD || 'supervisora';
const out = path.resolve(__dirname, '../../docs/kpis.png');
const agent = process.env.AGENT_USER || 'agente';
const agentPassword = process.env.AGENT_PASSWORD || 'agente';

async function call(method, url, body) {
  const r = await fetch(base + url, {
    method,
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: body && JSON.stringify(body),
  });
  if (r.status >= 400) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
  return r.json();
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Valid CPFs (check digits computed), one per debtor.
function cpf(n) {
  const d = String(100000000 + n * 7919).slice(0, 9).split('').map(Number);
  for (const len of [9, 10]) {
    const sum = d.slice(0, len).reduce((s, x, i) => s + x * (len + 1 - i), 0);
    d.push((sum * 10) % 11 % 10);
  }
  return d.join('');
}

const iso = (date) => date.toISOString().slice(0, 10);
const SP = -3 * 3600e3; // São Paulo's offset from UTC (no daylight saving time since 2019)
// Every debt's dated steps of a day have fired by then: 09:00 plus contactSpread, the model's
// (bpmn/dunning-journey.bpmn, PT3H). ContactSpreadTest fails when the two disagree.
const CONTACTS_DONE = '12:00';
const CONTACTS_DONE_MS = (([h, m]) => (h * 60 + m) * 60e3)(CONTACTS_DONE.split(':').map(Number));

// The journeys' work after a move of the clock is asynchronous: waits until the book's timelines
// stop growing (three quiet seconds, at most a minute).
async function settle(book) {
  let last = -1;
  let quiet = 0;
  for (let s = 0; s < 60 && quiet < 3; s++) {
    await sleep(1000);
    let entries = 0;
    for (const { debtId } of book) entries += (await call('GET', `/api/debts/${debtId}`)).timeline.length;
    quiet = entries === last ? quiet + 1 : 0;
    last = entries;
  }
}

async function seed() {
  const now = new Date((await call('GET', '/api/dev/clock')).now);
  const today = new Date(iso(new Date(now.getTime() + SP))); // São Paulo's date, at 00:00 UTC
  const run = Date.now().toString(36);
  const book = [];
  const profiles = [
    ['150.00', 900, 0], ['89.90', 700, 0], ['1200.00', 300, 3], ['4500.00', 200, 4],
    ['320.50', 600, 1], ['760.00', 450, 2], ['99.00', 850, 0], ['2300.00', 150, 5],
    ['540.00', 500, 1], ['1800.00', 250, 3], ['65.00', 950, 0], ['980.00', 400, 2],
  ];
  for (const [i, [amount, score, late]] of profiles.entries()) {
    const due = new Date(today.getTime() + (4 + (i % 3)) * 864e5);
    const debtId = `DEMO-${run}-${i + 1}`;
    await call('POST', '/api/debts', {
      debtId, amount, dueDate: iso(due), propensityScore: score, latePaymentCount: late,
      debtor: { document: cpf(i + 1), name: `Devedor ${i + 1}`, email: `devedor${i + 1}.${run}@example.com`,
        phone: `+55119${String(80000000 + i * 1371).padStart(8, '0')}`, state: 'SP' },
    });
    book.push({ debtId, amount, due });
  }
  console.log(`registered ${book.length} debts (DEMO-${run}-*), due ${iso(book[0].due)} to ${iso(book[2].due)}`);
  await settle(book);
  // To CONTACTS_DONE São Paulo (today's, or tomorrow's if it has passed), then a day at a time.
  let stop = today.getTime() + CONTACTS_DONE_MS - SP;
  if (stop <= now.getTime() + 1000) stop += 864e5;
  const first = Math.ceil((stop - now.getTime()) / 1000);
  for (let day = 0; day < 10; day++) {
    await call('POST', '/api/dev/clock', { advance: day === 0 ? `PT${first}S` : 'P1D' });
    await settle(book);
  }
  console.log(`dev clock now at ${(await call('GET', '/api/dev/clock')).now}`);
  const at = (due, days) => new Date(due.getTime() + days * 864e5 + CONTACTS_DONE_MS - SP).toISOString();
  const plan = [[0, 'full', -1], [1, 'full', -2], [2, 'part', 40], [3, 'full', 95], [4, 'full', 20],
    [6, 'full', 65], [7, 'part', 35], [9, 'full', 100], [10, 'full', 10]];
  for (const [i, kind, days] of plan) {
    const { debtId, amount, due } = book[i];
    const value = kind === 'full' ? amount : (Number(amount) / 2).toFixed(2);
    await call('POST', `/api/debts/${debtId}/payments`, { paymentId: `PAY-${debtId}`, amount: value, paidAt: at(due, days) });
  }
  await settle(book);
  console.log(`paid ${plan.length} of them`);
  return { from: iso(today), to: iso(new Date(today.getTime() + 10 * 864e5)) };
}

async function deskSeed() {
  const now = new Date((await call('GET', '/api/dev/clock')).now);
  const today = new Date(iso(new Date(now.getTime() + SP)));
  const run = Date.now().toString(36);
  const due = iso(new Date(today.getTime() + 6 * 864e5));
  const people = [['Ana Paula Ferreira', 21], ['Ana Paula Ferreira', 21], ['Transportes Rio Claro Ltda', 22],
    ['José Carlos Nogueira', 23], ['Luíza Martins Costa', 24]];
  const amounts = ['8000.00', '1350.00', '12500.00', '2780.90', '640.00'];
  const book = [];
  for (const [i, [name, n]] of people.entries()) {
    const debtId = `CALL-${run}-${i + 1}`;
    await call('POST', '/api/debts', {
      debtId, amount: amounts[i], dueDate: due, propensityScore: 420, latePaymentCount: 3,
      debtor: { document: cpf(n), name, email: `cliente${n}.${run}@example.com`,
        phone: `+55119${String(81000000 + n * 1371).padStart(8, '0')}`, state: 'SP' },
    });
    book.push({ debtId });
  }
  await settle(book);
  const stop = today.getTime() + 864e5 + CONTACTS_DONE_MS - SP;
  await call('POST', '/api/dev/clock', { advance: `PT${Math.ceil((stop - now.getTime()) / 1000)}S` });
  await settle(book);
  console.log(`registered ${book.length} intensive debts (CALL-${run}-*) due ${due}; clock at their D-5`);
}

// Signs in at the desk's /login page as a supervisor; throws unless the sign-in took.
async function signIn(page, who = user, secret = password) {
  await page.goto(`${base}/login`);
  await page.fill('input[name=username]', who);
  await page.fill('input[name=password]', secret);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  if (new URL(page.url()).pathname === '/login') {
    throw new Error(`sign-in as ${user} at ${base}/login refused (${page.url()})`);
  }
}

// The desk as an agent meets it: the queue and its overview, then the first task claimed.
async function desk(browser) {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 }, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo',
  });
  await signIn(page, agent, agentPassword);
  await page.locator('.task-item').first().waitFor();
  await page.locator('#history h2').first().waitFor();
  const queue = path.resolve(__dirname, '../../docs/desk-queue.png');
  await page.screenshot({ path: queue });
  console.log(`wrote ${path.relative(process.cwd(), queue)}`);
  await page.locator('.task-item').first().click();
  await page.locator('#form .fjs-form').waitFor();
  await page.locator('#history .panel').first().waitFor();
  if (await page.locator('#claim').isVisible()) {
    await page.click('#claim'); // a second run finds it claimed already
    await page.locator('#message.info').waitFor();
  }
  await page.locator('#complete:not([disabled])').waitFor();
  const task = path.resolve(__dirname, '../../docs/desk.png');
  await page.screenshot({ path: task });
  console.log(`wrote ${path.relative(process.cwd(), task)}`);
}

(async () => {
  const period = process.argv.includes('--seed')
    ? await seed()
    : { from: process.env.FROM, to: process.env.TO };
  if (process.argv.includes('--desk-seed')) await deskSeed();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--lang=pt-BR'],
  });
  try {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 }, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo',
    });
    await signIn(page);
    const query = period.from && period.to ? `?from=${period.from}&to=${period.to}` : '';
    const kpis = await page.goto(`${base}/kpis.html${query}`);
    if (!kpis.ok() || new URL(page.url()).pathname !== '/kpis.html') {
      throw new Error(`GET /kpis.html as ${user}: ${kpis.status()} at ${page.url()}`);
    }
    // The page fetches /api/kpis and then draws; it says so in #status.error if that fails.
    await page.waitForFunction(() => document.querySelector('#cards dd')
      || document.querySelector('#status.error'));
    const error = await page.$eval('#status', (s) => (s.className === 'error' ? s.textContent : ''));
    if (error) throw new Error(`the KPI page says ${error}`);
    await page.screenshot({ path: out, fullPage: true });
    console.log(`wrote ${path.relative(process.cwd(), out)} (${query || 'default period'})`);
    await desk(browser);
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
