// One document: progress while it runs, then what to check first, the pages beside the figures, the parts and the
// estimator's forms (so the drawing stays in sight while editing), the quote, the facts checklist and the earlier entries.
import { el, clear, append } from './dom.js';
import { t, number, minutes, enumWord } from './i18n.js';
import * as api from './api.js';
import { pageViewer } from './viewer.js';
import { adjustmentPanel, actualPanel, entriesPanel } from './feedback.js';
import { warningsPanel } from './warnings.js';
import { figuresPanel } from './figures.js';
import { checklistPanel, partSize } from './checklist.js';
import { planPanel } from './plan.js';
import { isAdmin } from './people.js';
import { toast } from './toast.js';
import { errorWords } from './words.js';
import { quotePanel } from './quote.js';

const pollMilliseconds = 1000;
let current = 0;

/**
 * Shows the document. A reload after a save (notice given) keeps what is on screen until the new version is ready and
 * keeps the scroll position, so the page does not jump to the top.
 */
export async function renderDocument(main, documentId, navigate, notice = null) {
  const view = ++current;
  const reloading = notice !== null && main.querySelector('#document');
  if (!reloading) clear(main).append(el('p', { className: 'back' }, el('a', { href: '/', 'data-nav': true, text: t('back') })), el('div', { id: 'document' }));
  const body = main.querySelector('#document');
  let answer;
  try {
    answer = await api.getEstimate(documentId);
  } catch (error) {
    clear(body).append(el('p', { className: 'error', role: 'alert', text: error.status === 404 ? t('notFound') : `${t('error')}: ${errorWords(error)}` }));
    return;
  }

  if (view !== current) return;
  if (notice) toast(notice);
  if (answer.status === 202) {
    clear(body).append(progressPanel(answer.body.progress));
    setTimeout(() => { if (view === current) renderDocument(main, documentId, navigate); }, pollMilliseconds);
    return;
  }

  const reload = (message) => renderDocument(main, documentId, navigate, message);
  const admin = await isAdmin();
  const scrolled = window.scrollY;
  append(clear(body), documentView(answer.body, answer.etag, reload, navigate, admin));
  if (reloading) window.scrollTo(0, scrolled);
}

function progressPanel(progress) {
  const meter = (label, done, of) => el('div', { className: 'meter' },
    el('label', { text: `${label}: ${done ?? 0} / ${of}` }),
    el('progress', { max: of, value: done ?? 0, 'aria-label': label }));
  const known = progress?.pageCount > 0;
  return el('section', { className: 'panel', 'aria-live': 'polite', 'aria-busy': 'true', id: 'progress' },
    el('h1', { text: t('progress') }),
    el('p', { text: `${t('stage')}: ${progress?.stage ? enumWord('stage', progress.stage) : enumWord('status', 'running')}` }),
    known ? meter(t('rendered'), progress.pagesRendered, progress.pageCount) : null,
    known ? meter(t('estimated'), progress.pagesEstimated, progress.pageCount) : null);
}

function documentView(doc, etag, reload, navigate, admin) {
  const estimated = doc.parts.length > 0;
  return [
    el('h1', { text: doc.fileName }),
    toolbar(doc, reload, navigate, admin),
    warningsPanel(doc, reload),
    el('div', { className: 'split' },
      el('section', { className: 'pages', 'aria-label': t('pages') },
        ...doc.pages.filter((p) => p.image).map((p) => pageViewer(api.pageImageUrl(doc.id, p.page), `${t('page')} ${p.page}`, p.page))),
      el('section', { className: 'parts', 'aria-label': t('operations') },
        figuresPanel(doc), estimated ? planPanel(doc, reload) : null, ...doc.parts.map((part, index) => partCard(part, index)), shadow(doc),
        estimated ? adjustmentPanel(doc, etag, reload) : null,
        estimated ? actualPanel(doc, etag, reload) : null)),
    quotePanel(doc, admin),
    checklistPanel(doc),
    historyPanel(doc),
    entriesPanel(doc),
  ];
}

function toolbar(doc, reload, navigate, admin) {
  const problem = el('span', { className: 'error', role: 'alert' });
  const act = (run) => async () => {
    try {
      await run();
    } catch (error) {
      problem.textContent = `${t('error')}: ${errorWords(error)}`;
    }
  };
  const print = el('button', { type: 'button', className: 'secondary', text: t('print'), onclick: () => window.print() });
  if (doc.deletedAt) {
    const purge = doc.purgedAt ? el('span', { text: t('purgedNotice') })
      : admin ? el('button', { type: 'button', className: 'secondary', text: t('purge'), onclick: act(async () => {
        if (!window.confirm(t('confirmPurge'))) return;
        await api.purgeEstimate(doc.id);
        reload(t('purgedNotice'));
      }) }) : null;
    return el('p', { className: 'notice toolbar' }, t('deletedNotice'), ' ',
      el('button', { type: 'button', text: t('restore'), onclick: act(async () => { await api.restoreEstimate(doc.id); reload(t('restoredToast', { name: doc.fileName })); }) }),
      ' ', purge, ' ', problem);
  }
  return el('p', { className: 'toolbar' }, print, ' ', el('button', { type: 'button', className: 'secondary', text: t('delete'), onclick: act(async () => {
    if (!window.confirm(t('confirmDelete'))) return;
    await api.deleteEstimate(doc.id);
    navigate('/');
    toast(t('deletedToast', { name: doc.fileName }), { label: t('restore'), run: async () => { await api.restoreEstimate(doc.id); navigate(`/estimates/${doc.id}`); } });
  }) }), ' ', problem);
}

function partCard(part, index) {
  const estimate = part.estimate;
  const rows = estimate.breakdown.map((item) => el('tr', {},
    el('td', { text: item.operation }), el('td', { className: 'num', text: number(item.time_min, 2) }), el('td', { text: item.notes ?? '' })));
  return el('article', { className: 'part', 'aria-labelledby': `part-${index}` },
    el('h2', { id: `part-${index}`, text: `${t('part')} ${index + 1}: ${part.partName ?? part.key}` }),
    el('dl', { className: 'facts-row' },
      el('dt', { text: t('drawingNumber') }), el('dd', { text: part.drawingNumber ?? '–' }),
      el('dt', { text: t('partType') }), el('dd', { className: 'part-type', text: enumWord('partType', estimate.part_type) }),
      el('dt', { text: t('complexity') }), el('dd', { className: 'complexity', text: enumWord('complexity', estimate.complexity) }),
      el('dt', { text: t('material') }), el('dd', { text: estimate.material_detected ?? '–' }),
      el('dt', { text: t('size') }), el('dd', { className: 'size', text: partSize(estimate) ?? '–' }),
      el('dt', { text: t('units') }), el('dd', { className: 'units', text: enumWord('units', estimate.drawing_units) }),
      el('dt', { text: t('confidence') }), el('dd', { className: `confidence ${estimate.confidence}`, text: enumWord('confidence', estimate.confidence) }),
      calibrated(part)),
    el('table', {},
      el('caption', { text: `${t('operations')} — ${minutes(part.estimatedMinutes)}` }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('operation') }), el('th', { scope: 'col', text: t('minutes') }), el('th', { scope: 'col', text: t('notes') }))),
      el('tbody', {}, ...rows)),
    el('p', { className: 'reasoning' }, el('strong', { text: `${t('reasoning')}: ` }), estimate.reasoning));
}

/** The calibrated time and its interval (calibratedTimeMin, calibratedInterval), when a calibration exists for the model. */
function calibrated(part) {
  if (part.calibratedTimeMin === undefined || part.calibratedTimeMin === null) return null;
  const range = part.calibratedInterval;
  const interval = range ? ` (${number(range.lowMin, 2)}–${number(range.highMin, 2)})` : '';
  return [el('dt', { text: t('calibrated') }), el('dd', { text: `${minutes(part.calibratedTimeMin)}${interval}` })];
}

function shadow(doc) {
  if (!doc.shadow) return null;
  const total = minutes(doc.shadow.totalEstimatedMinutes);
  return el('aside', { className: 'shadow', 'aria-label': t('shadow') },
    el('h2', { text: `${t('shadow')}: ${doc.shadow.model}` }),
    el('p', { text: [total ? `${t('total')}: ${total}` : null, enumWord('status', doc.shadow.status)].filter(Boolean).join(' · ') }));
}

/** The three most similar past parts with their real times; hidden while the shop has no labelled history. */
function historyPanel(doc) {
  const panel = el('section', { className: 'panel', hidden: true, 'aria-labelledby': 'history-title' }, el('h2', { id: 'history-title', text: t('history') }));
  api.similarParts(doc.id).then((answer) => {
    // GET /api/estimates/{id}/similar answers per part; the panel shows the three closest over all parts.
    const neighbours = (answer?.parts ?? []).flatMap((part) => part.neighbours).sort((a, b) => b.score - a.score);
    if (neighbours.length === 0) return;
    panel.append(el('ul', {}, ...neighbours.slice(0, 3).map((n) => el('li', {},
      el('a', { href: `/estimates/${n.id}`, 'data-nav': true, text: n.partName ?? n.file ?? n.id }),
      ` — ${t('actualTime')} ${minutes(n.actualMin)}, ${t('similarScore')} ${number(n.score, 2)}`))));
    panel.hidden = false;
  }).catch(() => {});
  return panel;
}
