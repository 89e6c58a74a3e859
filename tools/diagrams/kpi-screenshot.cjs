// Takes docs/kpis.png, the screenshot of the KPI page in the README, from a running service in
// embedded mode (bin/run; BASE_URL, default http://localhost:8080). With --seed it first makes a
// small book of debts through the public API: registers them, lets the dev clock run their régua
// for ten days (the journey's own reminders) and pays some of them, in full before the due date,
// in part a month late or in full three months late.
const path = require('path');
const { chromium } = require('playwright-core');

const base = process.env.BASE_URL || 'http://localhost:8080';
const out = path.resolve(__dirname, '../../docs/kpis.png');

async function call(method, url, body) {
  const r = await fetch(base + url, {
    method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body),
  });
  if (r.status >= 400) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
  return r.json();
}

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

async function seed() {
  const clock = await call('GET', '/api/dev/clock');
  const today = new Date(clock.now || clock.instant || Date.now());
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
  for (let day = 0; day < 10; day++) await call('POST', '/api/dev/clock', { advance: 'P1D' });
  const at = (due, days) => new Date(due.getTime() + days * 864e5 + 13 * 3600e3).toISOString();
  const plan = [[0, 'full', -1], [1, 'full', -2], [2, 'part', 40], [3, 'full', 95], [4, 'full', 20],
    [6, 'full', 65], [7, 'part', 35], [9, 'full', 100], [10, 'full', 10]];
  for (const [i, kind, days] of plan) {
    const { debtId, amount, due } = book[i];
    const value = kind === 'full' ? amount : (Number(amount) / 2).toFixed(2);
    await call('POST', `/api/debts/${debtId}/payments`, { paymentId: `PAY-${debtId}`, amount: value, paidAt: at(due, days) });
  }
  return { from: iso(today), to: iso(new Date(today.getTime() + 10 * 864e5)) };
}

(async () => {
  const period = process.argv.includes('--seed')
    ? await seed()
    : { from: process.env.FROM, to: process.env.TO };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 640 } });
    const query = period.from ? `?from=${period.from}&to=${period.to}` : '';
    await page.goto(`${base}/kpis.html${query}`);
    await page.waitForSelector('#cards .card');
    await page.screenshot({ path: out, fullPage: true });
    console.log(`wrote ${path.relative(process.cwd(), out)} (${query || 'default period'})`);
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
