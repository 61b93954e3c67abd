// The start view: upload and the list of documents, newest first, filtered and paged. Documents this page uploaded
// that are still running stand at the top and the list loads again as each finishes. On a phone each row is a card.
import { el, clear } from './dom.js';
import { t, number, minutes, dateTime, enumWord } from './i18n.js';
import { uploadPanel } from './uploads.js';
import { runningDocuments, onRunning } from './running.js';
import { errorWords } from './words.js';
import { toast } from './toast.js';
import * as api from './api.js';

const state = { filters: { status: '', model: '', q: '', from: '', to: '', deleted: '' }, tokens: [null] };
const statuses = ['', 'completed', 'partial', 'failed', 'blocked', 'running'];
let stopFollowing = () => {};

export function renderList(main, navigate) {
  clear(main);
  main.append(el('h1', { text: t('title') }), uploadPanel(navigate), listPanel(navigate));
}

function listPanel(navigate) {
  const container = el('div', { className: 'list', id: 'list', 'aria-live': 'polite' });
  const view = { container, navigate, index: state.tokens.length - 1, items: [] };
  const form = filterForm(() => {
    state.tokens = [null];
    load(view, 0);
  });
  stopFollowing();
  stopFollowing = onRunning((id, answer) => {
    if (!container.isConnected) stopFollowing();
    else if (answer?.status === 202) draw(view);
    else load(view, view.index);
  });
  load(view, view.index);
  return el('section', { 'aria-labelledby': 'list-title', className: 'panel' }, el('h2', { id: 'list-title', text: t('documents') }), form, container);
}

function filterForm(apply) {
  const field = (label, control) => el('label', { className: 'field' }, el('span', { text: label }), control);
  const status = el('select', { name: 'status', id: 'filter-status' },
    ...statuses.map((value) => el('option', { value, text: value ? enumWord('status', value) : t('any'), selected: state.filters.status === value })));
  const model = el('input', { name: 'model', id: 'filter-model', value: state.filters.model, autocomplete: 'off' });
  const q = el('input', { name: 'q', id: 'filter-q', type: 'search', value: state.filters.q });
  const from = el('input', { name: 'from', id: 'filter-from', type: 'date', value: state.filters.from });
  const to = el('input', { name: 'to', id: 'filter-to', type: 'date', value: state.filters.to });
  const deleted = el('input', { name: 'deleted', id: 'filter-deleted', type: 'checkbox', checked: state.filters.deleted === 'true' });
  const form = el('form', { className: 'filters', role: 'search' },
    field(t('search'), q), field(t('status'), status), field(t('model'), model), field(t('from'), from), field(t('to'), to),
    el('label', { className: 'check' }, deleted, el('span', { text: t('deleted') })),
    el('button', { type: 'submit', text: t('filter') }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    state.filters = { status: status.value, model: model.value, q: q.value, from: from.value, to: to.value, deleted: deleted.checked ? 'true' : '' };
    apply();
  });
  return form;
}

/** Loads a page of the list; an answer that arrives after a newer request was made (filters changed meanwhile) is dropped. */
async function load(view, index) {
  const { status, ...filters } = state.filters;
  const request = view.request = (view.request ?? 0) + 1;
  try {
    const page = status === 'running' ? { items: [] } : await api.listEstimates({ ...filters, status, continuationToken: state.tokens[index] });
    if (request !== view.request) return;
    state.tokens = state.tokens.slice(0, index + 1);
    if (page.continuationToken) state.tokens.push(page.continuationToken);
    Object.assign(view, { index, items: page.items, hasNext: Boolean(page.continuationToken) });
    draw(view);
  } catch (error) {
    if (request === view.request) clear(view.container).append(el('p', { className: 'error', role: 'alert', text: `${t('error')}: ${errorWords(error)}` }));
  }
}

/** The running documents that belong on this page of the list: the first page, unless the filters leave them out. */
function runningRows(view) {
  const { status, q, deleted, model, from, to } = state.filters;
  if (view.index !== 0 || deleted || model || from || to || (status && status !== 'running')) return [];
  return runningDocuments().filter((doc) => !q || doc.fileName?.toLowerCase().includes(q.trim().toLowerCase()));
}

function draw(view) {
  const running = runningRows(view);
  const ids = new Set(running.map((doc) => doc.id));
  const items = view.items.filter((item) => !ids.has(item.id));
  clear(view.container).append(
    running.length + items.length === 0 ? el('p', { text: t('none') }) : table(running, items, view),
    pager(view));
}

const headers = ['file', 'partName', 'drawingNumber', 'created', 'status', 'minutes', 'pages', 'model', 'labels', ''];

function table(running, items, view) {
  const cell = (index, attributes, ...children) => el('td', { 'data-label': headers[index] ? t(headers[index]) : null, ...attributes }, ...children);
  const link = (id, name) => el('a', { href: `/estimates/${id}`, 'data-nav': true, text: name });
  const runningRow = (doc) => el('tr', { className: 'running' },
    cell(0, {}, link(doc.id, doc.fileName ?? doc.id)), cell(1, {}), cell(2, {}), cell(3, {}),
    cell(4, {}, el('span', { className: 'badge running', text: enumWord('status', 'running') }), progressText(doc.progress)),
    cell(5, {}), cell(6, { className: 'num', text: doc.progress?.pageCount || '' }), cell(7, {}), cell(8, {}), cell(9, {}));
  const row = (item) => el('tr', {},
    cell(0, {}, link(item.id, item.fileName)),
    cell(1, { text: item.partNames?.join(', ') ?? '' }),
    cell(2, { text: item.drawingNumbers?.join(', ') ?? '' }),
    cell(3, { text: dateTime(item.createdAt) }),
    cell(4, {}, el('span', { className: `badge ${item.status}`, text: enumWord('status', item.status) })),
    cell(5, { className: 'num', text: minutes(item.currentMinutes ?? item.totalEstimatedMinutes) ?? '' }),
    cell(6, { className: 'num', text: item.pageCount }),
    cell(7, { text: item.models.join(', ') }),
    cell(8, { className: 'num', text: item.feedbackCount }),
    cell(9, {}, item.deletedAt ? el('button', { type: 'button', text: t('restore'), onclick: () => restore(item, view) }) : null));
  const head = el('tr', {}, ...headers.map((key) => el('th', { scope: 'col', text: key ? t(key) : '' })));
  return el('table', {}, el('thead', {}, head), el('tbody', {}, ...running.map(runningRow), ...items.map(row)));
}

const progressText = (progress) => (progress?.pageCount > 0 ? ` ${number(progress.pagesEstimated ?? 0, 0)} / ${number(progress.pageCount, 0)}` : '');

/** Puts a deleted document back and shows the list it is back on, saying so. */
async function restore(item, view) {
  try {
    await api.restoreEstimate(item.id);
  } catch (error) {
    toast(`${t('error')}: ${errorWords(error)}`);
    return;
  }
  state.filters = { ...state.filters, deleted: '' };
  state.tokens = [null];
  view.navigate('/', { replace: true });
  toast(t('restoredToast', { name: item.fileName }));
}

function pager(view) {
  return el('nav', { className: 'pager', 'aria-label': t('documents') },
    el('button', { type: 'button', text: t('previous'), disabled: view.index === 0, onclick: () => load(view, view.index - 1) }),
    el('button', { type: 'button', text: t('next'), disabled: !view.hasNext, onclick: () => load(view, view.index + 1) }));
}
