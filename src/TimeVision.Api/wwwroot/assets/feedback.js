// The expert's adjustment (per-operation minutes, saved as `expert` feedback) and the real shop time (`actual`), both
// sent with the document's ETag. On a conflict nothing is written: the page shows the newer version and keeps what was
// typed (drafts outlive the re-render), so nothing is lost. The form shows the part's latest adjustment, and "Kdo"
// keeps the name last typed.
import { el } from './dom.js';
import { t, number, dateTime, parseNumber, plainNumber } from './i18n.js';
import { rememberedName, rememberName } from './people.js';
import { errorWords } from './words.js';
import * as api from './api.js';

const drafts = new Map();
const draftOf = (doc) => drafts.get(doc.id) ?? drafts.set(doc.id, {}).get(doc.id);

async function save(doc, etag, feedback, reload, problem, forget) {
  try {
    await api.putFeedback(doc.id, etag, feedback);
    forget();
    reload(t('saved'));
  } catch (error) {
    if (error.status === 409) reload(t('conflict'));
    else problem.textContent = `${t('error')}: ${errorWords(error)}`;
  }
}

export function adjustmentPanel(doc, etag, reload) {
  if (doc.parts.length === 0) return null;
  const draft = draftOf(doc);
  draft.adjust ??= { part: 0, rows: rowsOf(doc, 0), enteredBy: rememberedName() };
  const state = draft.adjust;
  const body = el('tbody');
  const total = el('output', { id: 'adjust-total' });
  const problem = el('p', { className: 'error', role: 'alert' });
  const redraw = () => {
    body.replaceChildren(...state.rows.map((row, index) => el('tr', {},
      el('td', {}, el('input', { value: row.operation, 'aria-label': `${t('operation')} ${index + 1}`, name: `op-${index}`, maxlength: 200,
        oninput: (event) => { row.operation = event.target.value; } })),
      el('td', {}, el('input', { value: row.minutes, inputmode: 'decimal', 'aria-label': `${t('minutes')} ${index + 1}`, name: `min-${index}`, className: 'num',
        oninput: (event) => { row.minutes = event.target.value; sum(); } })),
      el('td', {}, el('button', { type: 'button', className: 'secondary', text: t('remove'), 'aria-label': `${t('remove')} ${index + 1}`,
        onclick: () => { state.rows.splice(index, 1); redraw(); } })))));
    sum();
  };
  const sum = () => { total.textContent = `${t('total')}: ${number(state.rows.reduce((s, r) => s + (parseNumber(r.minutes) || 0), 0), 2)} min`; };
  const forget = () => { rememberName(state.enteredBy); delete draftOf(doc).adjust; };
  const partSelect = el('select', { id: 'adjust-part' }, ...doc.parts.map((p, i) => el('option', { value: i, text: `${i + 1}: ${p.partName ?? p.key}`, selected: i === state.part })));
  partSelect.addEventListener('change', () => { state.part = Number(partSelect.value); state.rows = rowsOf(doc, state.part); redraw(); });
  const who = el('input', { id: 'adjust-who', value: state.enteredBy, maxlength: 200, autocomplete: 'name', oninput: (e) => { state.enteredBy = e.target.value; } });
  const form = el('form', { id: 'adjust' },
    el('label', { className: 'field' }, el('span', { text: t('part') }), partSelect),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('operation') }), el('th', { scope: 'col', text: t('minutes') }), el('th', { scope: 'col', text: '' }))), body),
    el('p', {}, el('button', { type: 'button', className: 'secondary', text: t('addOperation'), onclick: () => { state.rows.push({ operation: '', minutes: '' }); redraw(); } }), ' ', total),
    el('label', { className: 'field' }, el('span', { text: t('enteredBy') }), who),
    el('button', { type: 'submit', text: t('save') }), problem);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const operations = state.rows.map((r) => ({ operation: r.operation.trim(), minutes: parseNumber(r.minutes) }));
    if (operations.length === 0 || operations.some((o) => !o.operation || !(o.minutes > 0))) {
      problem.textContent = t('invalidMinutes');
      return;
    }
    const actualMinutes = Math.round(operations.reduce((s, o) => s + o.minutes, 0) * 1000) / 1000;
    save(doc, etag, { source: 'expert', actualMinutes, part: state.part + 1, operations, enteredBy: state.enteredBy || null }, reload, problem, forget);
  });
  redraw();
  return el('section', { className: 'panel', 'aria-labelledby': 'adjust-title' },
    el('h2', { id: 'adjust-title', text: t('adjust') }), el('p', { className: 'hint', text: t('adjustHint') }), form);
}

/** The part's operations as last adjusted (its latest `expert` entry with operations), else as the model answered. */
function rowsOf(doc, index) {
  const adjusted = (doc.feedback ?? []).filter((f) => f.source === 'expert' && f.part === index + 1 && f.operations?.length).at(-1);
  return adjusted
    ? adjusted.operations.map((o) => ({ operation: o.operation, minutes: plainNumber(o.minutes, 2) }))
    : doc.parts[index].estimate.breakdown.map((b) => ({ operation: b.operation, minutes: plainNumber(b.time_min, 2) }));
}

export function actualPanel(doc, etag, reload) {
  const draft = draftOf(doc);
  draft.actual ??= { minutes: '', part: '', enteredBy: rememberedName(), notes: '' };
  const state = draft.actual;
  const problem = el('p', { className: 'error', role: 'alert' });
  const input = (id, key, attributes = {}) => el('input', { id, value: state[key], oninput: (e) => { state[key] = e.target.value; }, ...attributes });
  const part = el('select', { id: 'actual-part' }, el('option', { value: '', text: t('wholeDocument') }),
    ...doc.parts.map((p, i) => el('option', { value: i + 1, text: `${i + 1}: ${p.partName ?? p.key}`, selected: String(i + 1) === state.part })));
  part.addEventListener('change', () => { state.part = part.value; });
  const form = el('form', { id: 'actual' },
    el('label', { className: 'field' }, el('span', { text: t('actualMinutes') }), input('actual-minutes', 'minutes', { inputmode: 'decimal', required: true })),
    el('label', { className: 'field' }, el('span', { text: t('part') }), part),
    el('label', { className: 'field' }, el('span', { text: t('enteredBy') }), input('actual-who', 'enteredBy', { maxlength: 200, autocomplete: 'name' })),
    el('label', { className: 'field wide' }, el('span', { text: t('notes') }), input('actual-notes', 'notes', { maxlength: 2000 })),
    el('button', { type: 'submit', text: t('save') }), problem);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const minutes = parseNumber(state.minutes);
    if (!(minutes > 0)) {
      problem.textContent = t('invalidMinutes');
      return;
    }
    save(doc, etag, { source: 'actual', actualMinutes: minutes, part: state.part ? Number(state.part) : null, enteredBy: state.enteredBy || null, notes: state.notes || null },
      reload, problem, () => { rememberName(state.enteredBy); delete draftOf(doc).actual; });
  });
  return el('section', { className: 'panel', 'aria-labelledby': 'actual-title' }, el('h2', { id: 'actual-title', text: t('actual') }), form);
}

export function entriesPanel(doc) {
  const entries = doc.feedback ?? [];
  const rows = entries.map((entry) => el('tr', {},
    el('td', { text: dateTime(entry.enteredAt) }),
    el('td', { text: entry.source === 'actual' ? t('sourceActual') : t('sourceExpert') }),
    el('td', { className: 'num', text: number(entry.actualMinutes, 2) }),
    el('td', { text: entry.part ? `${t('part')} ${entry.part}` : t('wholeDocument') }),
    el('td', { text: entry.enteredBy ?? '–' }),
    el('td', { text: [entry.operations?.map((o) => `${o.operation} ${number(o.minutes, 2)}`).join('; '), entry.notes].filter(Boolean).join(' — ') })));
  return el('section', { className: 'panel', 'aria-labelledby': 'entries-title' },
    el('h2', { id: 'entries-title', text: t('earlier') }),
    entries.length === 0 ? el('p', { text: t('noEntries') }) : el('table', { id: 'entries' },
      el('thead', {}, el('tr', {}, ...['created', 'status', 'minutes', 'part', 'enteredBy', 'notes'].map((k) => el('th', { scope: 'col', text: t(k === 'status' ? 'labels' : k) })))),
      el('tbody', {}, ...rows)));
}
