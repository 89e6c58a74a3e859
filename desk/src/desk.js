// The agent desk: the queue of open user tasks, a task's Camunda Form rendered by form-js (the
// renderer Tasklist uses) from the same forms/*.form files, and the debtor's history beside it.
// Talks only to the service's API: /api/tasks, /api/forms, /api/debtors/{document}/history.
// The agent signs in at /login (a session cookie); GET /api/me says who they are and hands out the
// CSRF token that every state-changing call sends back.
import { Form } from '@bpmn-io/form-js-viewer';

const REFRESH_MS = 15000;

/** The agents' kinds of work, by form id (the queue filter takes a form id or an element id). */
const KINDS = {
  'preventive-call': 'Ligação preventiva',
  'extra-day-call': 'Ligação D+1',
  'negotiation-call': 'Negociação',
  'dispute-review': 'Análise de contestação',
};

const STATUS = {
  ACTIVE: 'Em cobrança',
  PROMISED: 'Promessa',
  DISPUTED: 'Contestada',
  NEGATIVATED: 'Negativada',
  PAID: 'Paga',
  RENEGOTIATED: 'Renegociada',
  CANCELLED: 'Cancelada',
  HANDED_OFF: 'Com assessoria',
  WRITTEN_OFF: 'Baixada',
};

/** The strategies of bpmn/dunning-strategy.dmn. */
const STRATEGIES = { intensive: 'intensiva', standard: 'padrão', light: 'leve' };

const PROMISE_STATUS = { ACTIVE: 'Em aberto', KEPT: 'Cumprida', BROKEN: 'Quebrada' };

const CHANNELS = { EMAIL: 'E-mail', SMS: 'SMS', WHATSAPP: 'WhatsApp', LETTER: 'Carta', PHONE: 'Telefone' };

/** What became of a contact (contact/ContactOutcome), as an agent says it. */
const OUTCOMES = {
  SENT: 'Enviada',
  RECORDED: 'Registrada, sem envio',
  POSTPONED: 'Adiada',
  HELD: 'Em espera (devedor com suspensão)',
  SUPPRESSED: 'Não enviada',
  SKIPPED: 'Pulada',
  FAILED: 'Falhou',
};

/** The messages of templates/, by name. */
const TEMPLATES = {
  'reminder-before-due': 'lembrete antes do vencimento',
  'reminder-due-day': 'lembrete no dia do vencimento',
  'reminder-overdue': 'aviso de atraso',
  'last-reminder': 'último lembrete',
  'extra-day-offer': 'oferta de prazo extra',
  'renegotiation-options': 'opções de renegociação',
  'negotiation-link': 'link de negociação',
  'negativation-notice': 'aviso de negativação',
  'collection-letter': 'carta de cobrança',
  'promise-encouragement': 'lembrete da promessa',
  'email-opened-follow-up': 'retorno após e-mail lido',
  'portal-discount-incentive': 'incentivo de desconto do portal',
  'agreement-installment-before-due': 'parcela do acordo a vencer',
  'agreement-installment-due-day': 'parcela do acordo vence hoje',
  'agreement-installment-overdue': 'parcela do acordo em atraso',
};

const $ = (id) => document.getElementById(id);
const zone = 'America/Sao_Paulo';
const dateTime = new Intl.DateTimeFormat('pt-BR', { dateStyle: 'short', timeStyle: 'short', timeZone: zone });
const money = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });

const state = {
  agent: '', // the signed-in user's name (GET /api/me)
  supervisor: false,
  csrf: null, // {headerName, token}
  tasks: [],
  selected: null, // the open task, with variables
  form: null,
};

// ---------------------------------------------------------------- helpers

/**
 * A CPF or CNPJ as people write it: 529.982.247-25, 11.222.333/0001-81, and the alphanumeric
 * CNPJ issued since July 2026, 12.ABC.345/01DE-35. The API gives the canonical form (no
 * punctuation, upper case); anything else is shown as it came.
 */
function formatDocument(taxId) {
  const value = String(taxId ?? '').toUpperCase();
  if (/^\d{11}$/.test(value)) return value.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4');
  if (/^[0-9A-Z]{12}\d{2}$/.test(value)) {
    return value.replace(/^(.{2})(.{3})(.{3})(.{4})(\d{2})$/, '$1.$2.$3/$4-$5');
  }
  return taxId ?? '';
}

/** "CPF 529.982.247-25", "CNPJ 12.ABC.345/01DE-35". */
function documentLabel(taxId) {
  const value = String(taxId ?? '');
  if (!value) return '';
  return `${value.length === 11 ? 'CPF' : value.length === 14 ? 'CNPJ' : 'Documento'} ${formatDocument(value)}`;
}

/** Builds an element: el('p', {class: 'x'}, 'text', child, ...). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function formatInstant(iso) {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

/** An ISO date (2026-12-01) as 01/12/2026, without going through a time zone. */
function formatDate(iso) {
  if (!iso) return '—';
  const [y, m, d] = String(iso).slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** Amounts arrive as decimal strings ("1234.56"); only shown, never computed with. */
function formatMoney(decimal) {
  return decimal === null || decimal === undefined ? '—' : money.format(Number(decimal));
}

/** How late the debt is, in words: "12 dias em atraso", "vence hoje", "vence em 3 dias". */
function lateness(days) {
  if (days === null || days === undefined) return '';
  if (days > 1) return `${days} dias em atraso`;
  if (days === 1) return '1 dia em atraso';
  if (days === 0) return 'vence hoje';
  return days === -1 ? 'vence amanhã' : `vence em ${-days} dias`;
}

/**
 * A contact's result in words: "Enviada: e-mail opções de renegociação". The log's detail for a
 * sent message is "<CHANNEL> <template>[ (canal X indisponível)]"; other details are already
 * sentences.
 */
function contactResult(contact) {
  const outcome = OUTCOMES[contact.outcome] || contact.outcome || '';
  let detail = contact.detail || '';
  const sent = /^([A-Z]+) ([a-z0-9-]+)(.*)$/.exec(detail);
  if (sent && CHANNELS[sent[1]]) {
    detail = `${TEMPLATES[sent[2]] || sent[2].replace(/-/g, ' ')}${sent[3]}`;
  }
  for (const [code, label] of Object.entries(CHANNELS)) {
    detail = detail.replace(new RegExp(`\\b${code}\\b`, 'g'), label);
  }
  return [outcome, detail].filter(Boolean).join(': ');
}

function kindLabel(task) {
  return KINDS[task.formId] || task.elementId;
}

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function api(method, path, body) {
  const headers = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && state.csrf) headers[state.csrf.headerName] = state.csrf.token;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    // the session ended: sign in again, then come back here
    window.location.assign('/login');
    throw new ApiError(401, { detail: 'Sessão encerrada: entre novamente.' });
  }
  if (response.status === 204) return null;
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

function showMessage(kind, text) {
  const box = $('message');
  box.className = `message ${kind}`;
  box.textContent = text;
  box.hidden = !text;
  if (text && kind === 'error') box.scrollIntoView({ block: 'nearest' });
}

// ---------------------------------------------------------------- agent

async function initAgent() {
  const me = await api('GET', '/api/me');
  state.agent = me.name;
  state.csrf = me.csrf;
  state.supervisor = (me.roles || []).includes('SUPERVISOR');
  $('agent-name').textContent = me.name;
  $('agent-role').textContent = state.supervisor ? 'Supervisão' : 'Agente';
  $('kpi-link').hidden = !state.supervisor;
  if (me.csrf) $('logout-csrf').value = me.csrf.token;
  document.body.classList.toggle('no-agent', !state.agent);
}

// ---------------------------------------------------------------- queue

function initFilters() {
  const kind = $('filter-kind');
  for (const [formId, label] of Object.entries(KINDS)) kind.append(el('option', { value: formId }, label));
  kind.addEventListener('change', loadQueue);
  $('filter-state').addEventListener('change', loadQueue);
  $('refresh').addEventListener('click', loadQueue);
}

let queueRequest = 0;

async function loadQueue() {
  // filters change quickly: only the answer to the latest request is shown
  const request = ++queueRequest;
  const params = new URLSearchParams();
  const kind = $('filter-kind').value;
  const assignment = $('filter-state').value;
  if (kind) params.set('kind', kind);
  if (assignment === 'mine') {
    params.set('state', 'assigned');
    params.set('assignee', state.agent || ' ');
  } else if (assignment) {
    params.set('state', assignment);
  }
  try {
    const tasks = await api('GET', `/api/tasks?${params}`);
    if (request !== queueRequest) return;
    state.tasks = tasks;
    renderQueue();
  } catch (error) {
    if (request !== queueRequest) return;
    $('task-list').replaceChildren(el('li', { class: 'error' }, `Não foi possível ler a fila${error.status ? ` (HTTP ${error.status})` : ""}. Tente Atualizar.`));
  }
}

function renderQueue() {
  const list = $('task-list');
  list.replaceChildren(
    ...state.tasks.map((task) => {
      const mine = task.assignee && task.assignee === state.agent;
      const badge = task.assignee
        ? el('span', { class: `badge ${mine ? 'mine' : 'taken'}` }, mine ? 'minha' : task.assignee)
        : el('span', { class: 'badge free' }, 'livre');
      const overdue = Boolean(task.overdue); // on the service's clock, not the browser's
      const debt = task.debt;
      const late = debt ? debt.daysPastDue : null;
      return el(
        'li',
        {},
        el(
          'button',
          {
            type: 'button',
            class: `task-item kind-border-${task.formId}${state.selected?.key === task.key ? ' selected' : ''}`,
            'data-key': task.key,
            'data-form': task.formId || '',
            'aria-pressed': state.selected?.key === task.key ? 'true' : 'false',
            onclick: () => openTask(task.key),
          },
          el('span', { class: 'debtor-name' }, debt ? debt.debtorName : 'Devedor não identificado'),
          badge,
          el('span', { class: `kind kind-${task.formId}` }, kindLabel(task)),
          debt
            ? el(
                'span',
                { class: 'debt-line' },
                el('strong', { class: 'amount' }, formatMoney(debt.openBalance)),
                ` · ${STATUS[debt.status] || debt.status} · ${debt.debtId}`,
              )
            : null,
          debt
            ? el(
                'span',
                { class: 'due-line' },
                `vence ${formatDate(debt.dueDate)} · `,
                el('span', { class: late > 0 ? 'late' : 'on-time' }, lateness(late)),
              )
            : null,
          el(
            'span',
            { class: `due${overdue ? ' overdue' : ''}` },
            task.due ? `prazo da tarefa ${formatInstant(task.due)}${overdue ? ' (vencido)' : ''}` : 'tarefa sem prazo',
          ),
        ),
      );
    }),
  );
  $('queue-empty').hidden = state.tasks.length > 0;
  $('queue-count').textContent = `${state.tasks.length} ${state.tasks.length === 1 ? 'tarefa' : 'tarefas'}`;
  if (!state.selected) renderOverview();
}

/** The right column before a task is chosen: what the queue holds, at a glance. */
function renderOverview() {
  const aside = $('history');
  aside.hidden = false;
  const tasks = state.tasks;
  const byKind = Object.entries(KINDS).map(([formId, label]) => [label, tasks.filter((t) => t.formId === formId).length]);
  const free = tasks.filter((t) => !t.assignee).length;
  const mine = tasks.filter((t) => t.assignee && t.assignee === state.agent).length;
  const late = tasks.filter((t) => t.overdue).length;
  const open = tasks.reduce((sum, t) => sum + Math.round(Number(t.debt?.openBalance ?? 0) * 100), 0);
  const oldest = tasks.filter((t) => t.debt).sort((a, b) => b.debt.daysPastDue - a.debt.daysPastDue)[0];
  const anyLate = oldest && oldest.debt.daysPastDue > 0;
  const stat = (label, value, extra) => el('div', { class: `stat${extra ? ` ${extra}` : ''}` }, el('dt', {}, label), el('dd', {}, String(value)));
  aside.replaceChildren(
    el('h2', {}, 'Visão da fila'),
    el('p', { class: 'muted' }, 'Com os filtros escolhidos. Escolha uma tarefa para ver aqui o histórico do devedor.'),
    el(
      'dl',
      { class: 'stats' },
      stat('Tarefas na fila', tasks.length),
      stat('Livres', free),
      stat('Minhas', mine),
      stat('Com prazo vencido', late, late > 0 ? 'alert-stat' : null),
      stat('Em aberto na fila', formatMoney((open / 100).toFixed(2))),
      anyLate
        ? stat('Maior atraso', lateness(oldest.debt.daysPastDue), 'alert-stat')
        : stat('Próximo vencimento', oldest ? lateness(oldest.debt.daysPastDue) : '—'),
    ),
    section('Por tipo', table(['Tipo', 'Tarefas'], byKind)),
    section(
      'Como trabalhar uma tarefa',
      el(
        'ol',
        { class: 'steps' },
        el('li', {}, 'Escolha a tarefa na fila (as de prazo vencido primeiro).'),
        el('li', {}, 'Assuma: ela fica com você até concluir ou devolver.'),
        el('li', {}, 'Leia o histórico do devedor, ligue e preencha o formulário.'),
        el('li', {}, 'Conclua: a régua segue com o que você registrou.'),
      ),
    ),
    ...(state.supervisor
      ? [el('p', {}, el('a', { href: '/kpis.html', class: 'btn ghost' }, 'Ver os indicadores da régua'))]
      : []),
  );
}

// ---------------------------------------------------------------- task

async function openTask(key) {
  showMessage('', '');
  try {
    const task = await api('GET', `/api/tasks/${key}`);
    state.selected = task;
    await renderForm(task);
    renderTask();
    renderQueue();
    loadHistory(task.variables || {});
  } catch (error) {
    showTaskError(error);
  }
}

async function renderForm(task) {
  if (state.form) {
    state.form.destroy();
    state.form = null;
  }
  const host = $('form');
  host.replaceChildren();
  if (!task.formId) {
    host.append(el('p', { class: 'muted' }, 'Esta tarefa não tem formulário.'));
    return;
  }
  const schema = await api('GET', `/api/forms/${encodeURIComponent(task.formId)}`);
  const form = new Form({ container: host });
  await form.importSchema(schema, task.variables || {});
  state.form = form;
  translateSelects(host);
}

/**
 * form-js 1.17 writes "Select" (English, hard-coded) in a dropdown with nothing chosen; the desk
 * says it in Portuguese, again whenever form-js redraws the field.
 */
function translateSelects(host) {
  const translate = () => {
    for (const display of host.querySelectorAll('.fjs-select-display.fjs-select-placeholder')) {
      if (display.textContent === 'Select') display.textContent = 'Selecione';
    }
  };
  translate();
  new MutationObserver(translate).observe(host, { childList: true, subtree: true, characterData: true });
}

function heldByMe(task) {
  return Boolean(state.agent) && task.assignee === state.agent;
}

function renderTask() {
  const task = state.selected;
  $('task-placeholder').hidden = Boolean(task);
  $('task-view').hidden = !task;
  if (!task) return;
  const open = task.state === 'OPEN';
  const mine = heldByMe(task);
  $('task-title').textContent = kindLabel(task);
  const who = task.assignee ? (mine ? 'com você' : `com ${task.assignee}`) : 'livre na fila';
  const debt = task.debt;
  const meta = [
    debt ? `${debt.debtorName} · ${documentLabel(debt.debtorDocument)}` : null,
    debt ? `${formatMoney(debt.openBalance)} em aberto · ${lateness(debt.daysPastDue)}` : null,
    who,
    task.due ? `prazo ${formatInstant(task.due)}` : null,
    `tarefa nº ${task.key}`,
  ];
  if (!open) meta.push(task.state === 'COMPLETED' ? 'concluída' : 'cancelada');
  $('task-meta').textContent = meta.filter(Boolean).join(' · ');

  $('claim').hidden = !open || mine;
  $('claim').disabled = !state.agent || Boolean(task.assignee && !mine);
  $('unclaim').hidden = !open || !mine;
  $('complete').disabled = !open || !mine;
  if (state.form) state.form.setProperty('disabled', !open || !mine);
  $('submit-hint').textContent = !state.agent
    ? 'Informe seu nome no topo da página para trabalhar.'
    : !open
      ? 'Esta tarefa não está mais aberta.'
      : task.assignee && !mine
        ? `Esta tarefa está com ${task.assignee}.`
        : mine
          ? ''
          : 'Assuma a tarefa para preencher o formulário.';
}

async function claim() {
  const task = state.selected;
  try {
    await api('POST', `/api/tasks/${task.key}/claim`, { assignee: state.agent });
    await refreshSelected();
    showMessage('info', 'Tarefa assumida: ela é sua até você concluí-la ou devolvê-la à fila.');
  } catch (error) {
    showTaskError(error);
  }
}

async function unclaim() {
  const task = state.selected;
  try {
    await api('POST', `/api/tasks/${task.key}/unclaim`);
    await refreshSelected();
    showMessage('info', 'Tarefa devolvida à fila.');
  } catch (error) {
    showTaskError(error);
  }
}

async function complete() {
  const task = state.selected;
  const { data, errors } = state.form ? state.form.submit() : { data: {}, errors: {} };
  if (Object.keys(errors).length > 0) {
    showMessage('error', 'Confira os campos destacados no formulário antes de concluir.');
    return;
  }
  $('complete').disabled = true;
  try {
    await api('POST', `/api/tasks/${task.key}/complete`, { assignee: state.agent, variables: data });
    showMessage('success', `${kindLabel(task)} concluída. A régua segue com o que você registrou.`);
    state.selected = { ...task, state: 'COMPLETED' };
    renderTask();
    loadQueue();
    // the agent submitted at the bottom of a long form: bring the confirmation into view
    $('message').scrollIntoView({ block: 'center' });
  } catch (error) {
    showTaskError(error);
    $('complete').disabled = false;
  }
}

async function refreshSelected() {
  const task = await api('GET', `/api/tasks/${state.selected.key}`);
  state.selected = task;
  renderTask();
  loadQueue();
}

function showTaskError(error) {
  // the API's details are in English, for developers: the agent reads what it means, in Portuguese
  if (error instanceof ApiError && error.status === 409) {
    showMessage('error', 'Conflito: esta tarefa já foi concluída ou está com outro agente. Nada foi gravado.');
    if (state.selected) refreshSelected().catch(() => {});
  } else if (error instanceof ApiError && error.status === 404) {
    showMessage('error', 'Tarefa não encontrada: ela pode ter sido encerrada pela régua. Atualize a fila.');
  } else if (error instanceof ApiError && error.status === 400) {
    const fields = (error.problem?.errors || []).map((e) => e.field).filter(Boolean);
    showMessage('error', `Dados recusados: confira ${fields.length ? `os campos ${fields.join(', ')}` : 'o formulário'} e tente de novo.`);
  } else if (error instanceof ApiError && error.status === 403) {
    showMessage('error', 'Seu perfil não pode fazer isso nesta tarefa.');
  } else {
    showMessage('error', `Não foi possível falar com o serviço${error instanceof ApiError ? ` (HTTP ${error.status})` : ''}. Tente de novo.`);
  }
}

// ---------------------------------------------------------------- history

async function loadHistory(variables) {
  const aside = $('history');
  aside.hidden = false;
  aside.replaceChildren(el('p', { class: 'muted' }, 'Carregando o histórico…'));
  try {
    if (variables.debtorDocument) {
      const history = await api('GET', `/api/debtors/${encodeURIComponent(variables.debtorDocument)}/history`);
      aside.replaceChildren(...renderHistory(history, variables.debtId).filter(Boolean));
      return;
    }
    if (variables.debtId) {
      const debt = await api('GET', `/api/debts/${encodeURIComponent(variables.debtId)}`);
      aside.replaceChildren(...renderDebtOnly(debt).filter(Boolean));
      return;
    }
    aside.replaceChildren(el('p', { class: 'muted' }, 'Esta tarefa não indica o devedor.'));
  } catch (error) {
    aside.replaceChildren(el('p', { class: 'error' }, `Não foi possível ler o histórico${error.status ? ` (HTTP ${error.status})` : ""}. Abra a tarefa de novo.`));
  }
}

function section(title, ...content) {
  return el('section', { class: 'panel' }, el('h3', {}, title), ...content);
}

/** Amounts and dates never break across lines; ids and texts may. */
function keepWhole(cell) {
  return typeof cell === 'string' && /^(R\$|\d{2}\/\d{2}\/\d{4})/.test(cell);
}

function table(headers, rows, rowClass = () => null) {
  if (rows.length === 0) return el('p', { class: 'muted' }, 'Nenhum registro.');
  return el(
    'table',
    {},
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((row, i) => el('tr', { class: rowClass(i) }, row.map((cell) => el('td', { class: keepWhole(cell) ? 'nowrap' : null }, cell))))),
  );
}

function copyable(label, value) {
  if (!value) return null;
  return el(
    'div',
    { class: 'copyable' },
    el('span', { class: 'copy-label' }, label),
    el('code', {}, value),
    el('button', { type: 'button', class: 'btn ghost tiny', 'aria-label': `Copiar ${label}`, onclick: () => navigator.clipboard?.writeText(value) }, 'Copiar'),
  );
}

function paymentOptions(options) {
  if (!options) return el('p', { class: 'muted' }, 'Nada a pagar.');
  return el(
    'div',
    { class: 'options' },
    copyable('Link', options.paymentLink),
    copyable('Linha digitável', options.digitableLine),
    copyable('PIX copia e cola', options.pixCopyAndPaste),
  );
}

function debtorCard(debtor, extra) {
  return el(
    'section',
    { class: 'panel debtor' },
    el('h3', {}, debtor.name),
    el('p', { class: 'muted' }, [documentLabel(debtor.document), debtor.state].filter(Boolean).join(' · ')),
    el('p', {}, [debtor.phone, debtor.email].filter(Boolean).join(' · ')),
    extra,
  );
}

const HOLD_KINDS = {
  JUDICIAL_RECOVERY: 'recuperação judicial',
  OVER_INDEBTEDNESS: 'superendividamento',
  DECEASED: 'falecimento',
  LEGAL: 'ordem judicial ou legal',
};

/** GET /api/debtors/{document}/history: every debt of the debtor, contacts, promises, payments. */
function renderHistory(history, currentDebtId) {
  const current = history.debts.find((debt) => debt.debtId === currentDebtId);
  const hold = (history.holds || []).find((h) => h.liftedAt == null);
  return [
    el('h2', { class: 'visually-hidden' }, 'Histórico do devedor'),
    el('p', { class: 'as-of' }, `Histórico de ${formatInstant(history.asOf)}`),
    hold
      ? el('p', { class: 'hold', role: 'alert' }, `Suspensão ${hold.holdId} (${HOLD_KINDS[hold.kind] || hold.kind}) desde ${formatDate(hold.startsOn)}: não contatar o devedor. ${hold.reason}`)
      : null,
    debtorCard(
      history.debtor,
      el('p', { class: 'total' }, 'Total em aberto ', el('strong', {}, formatMoney(history.totalOpenBalance))),
    ),
    current ? section(`Formas de pagamento · ${current.debtId}`, paymentOptions(current.paymentOptions)) : null,
    section(
      `Dívidas (${history.debts.length})`,
      el(
        'ul',
        { class: 'entries' },
        history.debts.map((d) =>
          el(
            'li',
            { class: d.debtId === currentDebtId ? 'current' : null },
            el('span', { class: 'entry-head' }, el('strong', {}, d.debtId), el('span', { class: 'pill' }, STATUS[d.status] || d.status)),
            el(
              'span',
              { class: 'entry-body' },
              `em aberto ${formatMoney(d.openBalance)} de ${formatMoney(d.amount)} · vence ${formatDate(d.dueDate)}`,
              d.strategy ? ` · estratégia ${STRATEGIES[d.strategy] || d.strategy}` : '',
            ),
          ),
        ),
      ),
    ),
    section(
      `Contatos (${history.contacts.length})`,
      history.contacts.length === 0
        ? el('p', { class: 'muted' }, 'Nenhum contato ainda.')
        : el(
            'ul',
            { class: 'entries' },
            history.contacts.map((c) =>
              el(
                'li',
                {},
                el(
                  'span',
                  { class: 'entry-head' },
                  el('span', {}, `${formatInstant(c.occurredAt)} · ${CHANNELS[c.channel] || c.channel || '—'}`),
                  el('span', { class: 'muted' }, c.debtId),
                ),
                el('span', { class: 'entry-body' }, contactResult(c)),
                c.step ? el('span', { class: 'entry-note' }, `etapa ${c.step}`) : null,
              ),
            ),
          ),
    ),
    section(
      'Promessas',
      table(
        ['Data prometida', 'Dívida', 'Situação', 'Origem', 'Feita em'],
        history.promises.map((p) => [
          formatDate(p.promisedDate),
          p.debtId,
          PROMISE_STATUS[p.status] || p.status,
          p.source || '—',
          formatInstant(p.createdAt),
        ]),
      ),
    ),
    section(
      'Pagamentos',
      table(
        ['Pago em', 'Dívida', 'Valor'],
        history.payments.map((p) => [formatInstant(p.paidAt), p.debtId, formatMoney(p.amount)]),
      ),
    ),
  ];
}

/** Without the history endpoint: the task's own debt, GET /api/debts/{debtId}. */
function renderDebtOnly(debt) {
  const timeline = [...(debt.timeline || [])].reverse();
  return [
    debtorCard(
      debt.debtor,
      el('p', { class: 'total' }, 'Em aberto ', el('strong', {}, formatMoney(debt.openBalance))),
    ),
    section(`Formas de pagamento · ${debt.debtId}`, paymentOptions(debt.paymentOptions)),
    section(
      `Dívida ${debt.debtId}`,
      table(
        ['Situação', 'Valor', 'Em aberto', 'Vencimento'],
        [[STATUS[debt.status] || debt.status, formatMoney(debt.amount), formatMoney(debt.openBalance), formatDate(debt.dueDate)]],
      ),
    ),
    section(
      'Linha do tempo',
      table(
        ['Quando', 'O quê', 'Detalhe'],
        timeline.map((t) => [
          formatInstant(t.at),
          t.type === 'CONTACT' ? `${t.step || ''} ${CHANNELS[t.channel] || t.channel || ''}`.trim() : t.type,
          t.type === 'CONTACT' ? contactResult(t) : [t.outcome, t.detail].filter(Boolean).join(': '),
        ]),
      ),
    ),
  ];
}

// ---------------------------------------------------------------- start

await initAgent();
initFilters();
$('claim').addEventListener('click', claim);
$('unclaim').addEventListener('click', unclaim);
$('complete').addEventListener('click', complete);
loadQueue();
setInterval(() => {
  if (document.visibilityState === 'visible') loadQueue();
}, REFRESH_MS);
