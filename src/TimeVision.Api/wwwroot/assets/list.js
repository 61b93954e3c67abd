// The start view: upload (drag and drop or pick, several at once, each checked) and the list of documents.
import { el, clear } from './dom.js';
import { t, number, dateTime } from './i18n.js';
import * as api from './api.js';

const state = { filters: { status: '', model: '', q: '', from: '', to: '', deleted: '' }, tokens: [null] };

export function renderList(main, navigate) {
  clear(main);
  main.append(el('h1', { text: t('title') }), uploadPanel(navigate), listPanel(navigate));
}

function uploadPanel(navigate) {
  const results = el('ul', { className: 'uploads', 'aria-live': 'polite' });
  const input = el('input', { type: 'file', id: 'files', accept: 'application/pdf,.pdf', multiple: true, className: 'visually-hidden' });
  const zone = el('div', { className: 'dropzone', id: 'dropzone' },
    el('p', { text: t('uploadHint') }),
    el('label', { for: 'files', className: 'button' , text: t('pick') }),
    input);
  input.addEventListener('change', () => uploadAll([...input.files], results, navigate));
  zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    uploadAll([...event.dataTransfer.files], results, navigate);
  });
  return el('section', { 'aria-labelledby': 'upload-title', className: 'panel' }, el('h2', { id: 'upload-title', text: t('upload') }), zone, results);
}

async function uploadAll(files, results, navigate) {
  const outcomes = await Promise.all(files.map((file) => uploadOne(file, results)));
  const opened = outcomes.filter(Boolean);
  if (files.length === 1 && opened.length === 1) navigate(`/estimates/${opened[0]}`);
}

/** Checks and uploads one file; the document id when it went in. */
async function uploadOne(file, results) {
  const line = el('li', {}, el('span', { className: 'name', text: file.name }), ' ');
  const status = el('span', { className: 'status', text: t('uploading') });
  line.append(status);
  results.append(line);
  const problem = await check(file);
  if (problem) {
    fail(line, status, `${file.name} ${problem}`);
    return null;
  }

  try {
    const answer = await api.upload(file);
    status.textContent = t({ started: 'started', already_estimated: 'alreadyEstimated', in_progress: 'inProgress' }[answer.status] ?? 'started');
    line.append(' ', el('a', { href: `/estimates/${answer.id}`, 'data-nav': true, text: t('open') }));
    return answer.id;
  } catch (error) {
    fail(line, status, `${file.name}: ${error.message}`);
    return null;
  }
}

function fail(line, status, message) {
  line.classList.add('error');
  status.textContent = message;
  status.setAttribute('role', 'alert');
}

/** What is wrong with a file before it is sent: its type or its first bytes. The server checks the size and the rest. */
async function check(file) {
  if (file.type && file.type !== 'application/pdf') return t('wrongType', { type: file.type });
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  return String.fromCharCode(...head) === '%PDF-' ? null : t('notPdf');
}

function listPanel(navigate) {
  const table = el('div', { className: 'list', 'aria-live': 'polite' });
  const form = filterForm(() => {
    state.tokens = [null];
    load(table, navigate, 0);
  });
  load(table, navigate, state.tokens.length - 1);
  return el('section', { 'aria-labelledby': 'list-title', className: 'panel' }, el('h2', { id: 'list-title', text: t('documents') }), form, table);
}

function filterForm(apply) {
  const field = (name, label, control) => el('label', { className: 'field' }, el('span', { text: label }), control);
  const status = el('select', { name: 'status', id: 'filter-status' },
    ...['', 'completed', 'partial', 'failed'].map((value) => el('option', { value, text: value ? t(value) : t('any'), selected: state.filters.status === value })));
  const model = el('input', { name: 'model', id: 'filter-model', value: state.filters.model, autocomplete: 'off' });
  const q = el('input', { name: 'q', id: 'filter-q', type: 'search', value: state.filters.q });
  const from = el('input', { name: 'from', id: 'filter-from', type: 'date', value: state.filters.from });
  const to = el('input', { name: 'to', id: 'filter-to', type: 'date', value: state.filters.to });
  const deleted = el('input', { name: 'deleted', id: 'filter-deleted', type: 'checkbox', checked: state.filters.deleted === 'true' });
  const form = el('form', { className: 'filters', role: 'search' },
    field('q', t('search'), q), field('status', t('status'), status), field('model', t('model'), model),
    field('from', t('from'), from), field('to', t('to'), to),
    el('label', { className: 'check' }, deleted, el('span', { text: t('deleted') })),
    el('button', { type: 'submit', text: t('filter') }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state.filters = { status: status.value, model: model.value, q: q.value, from: from.value, to: to.value, deleted: deleted.checked ? 'true' : '' };
    apply();
  });
  return form;
}

async function load(container, navigate, index) {
  try {
    const page = await api.listEstimates({ ...state.filters, continuationToken: state.tokens[index] });
    state.tokens = state.tokens.slice(0, index + 1);
    if (page.continuationToken) state.tokens.push(page.continuationToken);
    clear(container).append(table(page.items, navigate), pager(container, navigate, index, Boolean(page.continuationToken)));
  } catch (error) {
    clear(container).append(el('p', { className: 'error', role: 'alert', text: `${t('error')}: ${error.message}` }));
  }
}

function table(items, navigate) {
  if (items.length === 0) return el('p', { text: t('none') });
  const head = el('tr', {}, ...['file', 'created', 'status', 'minutes', 'pages', 'model', 'labels', ''].map((key) => el('th', { scope: 'col', text: key ? t(key) : '' })));
  const rows = items.map((item) => el('tr', {},
    el('td', {}, el('a', { href: `/estimates/${item.id}`, 'data-nav': true, text: item.fileName })),
    el('td', { text: dateTime(item.createdAt) }),
    el('td', {}, el('span', { className: `badge ${item.status}`, text: t(item.status) })),
    el('td', { className: 'num', text: number(item.totalEstimatedMinutes) }),
    el('td', { className: 'num', text: item.pageCount }),
    el('td', { text: item.models.join(', ') }),
    el('td', { className: 'num', text: item.feedbackCount }),
    el('td', {}, item.deletedAt
      ? el('button', { type: 'button', text: t('restore'), onclick: async () => { await api.restoreEstimate(item.id); navigate('/', { replace: true }); } })
      : null)));
  return el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows));
}

function pager(container, navigate, index, hasNext) {
  return el('nav', { className: 'pager', 'aria-label': t('documents') },
    el('button', { type: 'button', text: t('previous'), disabled: index === 0, onclick: () => load(container, navigate, index - 1) }),
    el('button', { type: 'button', text: t('next'), disabled: !hasNext, onclick: () => load(container, navigate, index + 1) }));
}
