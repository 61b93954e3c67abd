// One document: progress while it runs, then the pages beside the parts, warnings first, facts, model and shadow,
// the expert's adjustment and the real shop time.
import { el, clear, append } from './dom.js';
import { t, number } from './i18n.js';
import * as api from './api.js';
import { pageViewer } from './viewer.js';
import { adjustmentPanel, actualPanel, entriesPanel } from './feedback.js';

const pollMilliseconds = 1000;
let current = 0;

export async function renderDocument(main, documentId, navigate, notice = null) {
  const view = ++current;
  clear(main).append(el('p', {}, el('a', { href: '/', 'data-nav': true, text: t('back') })));
  const body = el('div', { id: 'document' });
  main.append(body);
  let answer;
  try {
    answer = await api.getEstimate(documentId);
  } catch (error) {
    clear(body).append(el('p', { className: 'error', role: 'alert', text: error.status === 404 ? t('notFound') : `${t('error')}: ${error.message}` }));
    return;
  }

  if (view !== current) return;
  if (answer.status === 202) {
    clear(body).append(progressPanel(answer.body.progress));
    setTimeout(() => { if (view === current) renderDocument(main, documentId, navigate); }, pollMilliseconds);
    return;
  }

  const reload = (message) => renderDocument(main, documentId, navigate, message);
  append(clear(body), documentView(answer.body, answer.etag, reload, navigate, notice));
}

function progressPanel(progress) {
  const meter = (label, done, of) => el('div', { className: 'meter' },
    el('label', { text: `${label}: ${done ?? 0} / ${of ?? '?'}` }),
    el('progress', { max: of || 1, value: done ?? 0, 'aria-label': label }));
  return el('section', { className: 'panel', 'aria-live': 'polite', 'aria-busy': 'true', id: 'progress' },
    el('h1', { text: t('progress') }),
    el('p', { text: `${t('stage')}: ${progress?.stage ?? t('running')}` }),
    meter(t('rendered'), progress?.pagesRendered, progress?.pageCount),
    meter(t('estimated'), progress?.pagesEstimated, progress?.pageCount));
}

function documentView(doc, etag, reload, navigate, notice) {
  const warnings = el('ul', { className: 'warnings', id: 'warnings' });
  const factsList = el('div', { className: 'facts' });
  const items = [
    el('h1', { text: doc.fileName }),
    notice ? el('p', { className: 'notice', role: 'alert', text: notice }) : null,
    deletedBar(doc, reload, navigate),
    el('section', { className: 'panel attention', 'aria-labelledby': 'warnings-title' }, el('h2', { id: 'warnings-title', text: t('warnings') }), warnings),
    el('div', { className: 'split' },
      el('section', { className: 'pages', 'aria-label': t('pages') }, ...doc.pages.filter((p) => p.image).map((p) => pageViewer(api.pageImageUrl(doc.id, p.page), `${t('page')} ${p.page}`))),
      el('section', { className: 'parts', 'aria-label': t('operations') }, summary(doc), ...doc.parts.map((part, index) => partCard(part, index)), shadow(doc))),
    el('section', { className: 'panel', 'aria-labelledby': 'facts-title' }, el('h2', { id: 'facts-title', text: t('facts') }), factsList),
    historyPanel(doc),
    adjustmentPanel(doc, etag, reload),
    actualPanel(doc, etag, reload),
    entriesPanel(doc),
  ];
  fillWarnings(doc, warnings, reload);
  fillFacts(doc, factsList, warnings);
  return items;
}

function deletedBar(doc, reload, navigate) {
  if (doc.deletedAt) {
    const problem = el('span', { className: 'error', role: 'alert' });
    const purge = doc.purgedAt
      ? el('span', { text: t('purgedNotice') })
      : el('button', { type: 'button', className: 'secondary', text: t('purge'), onclick: async () => {
        if (!window.confirm(t('confirmPurge'))) return;
        try {
          await api.purgeEstimate(doc.id);
          reload();
        } catch (error) {
          problem.textContent = `${t('error')}: ${error.message}`;
        }
      } });
    return el('p', { className: 'notice' }, t('deletedNotice'), ' ',
      el('button', { type: 'button', text: t('restore'), onclick: async () => { await api.restoreEstimate(doc.id); reload(); } }), ' ', purge, ' ', problem);
  }
  return el('p', {}, el('button', { type: 'button', className: 'secondary', text: t('delete'), onclick: async () => {
    if (window.confirm(t('confirmDelete'))) { await api.deleteEstimate(doc.id); navigate('/'); }
  } }));
}

function summary(doc) {
  const models = doc.models.map((m) => m.model).join(', ') || '–';
  return el('dl', { className: 'summary' },
    el('dt', { text: t('total') }), el('dd', { className: 'total', id: 'total', text: `${number(doc.totalEstimatedMinutes)} min` }),
    headline(doc.headline),
    el('dt', { text: t('status') }), el('dd', {}, el('span', { className: `badge ${doc.status}`, text: t(doc.status) })),
    el('dt', { text: t('answeredBy') }), el('dd', { id: 'answered-by', text: models }));
}

/** Which number heads the estimate (the engine's per piece and setup, or the model's total), why (as its title), and the other number. */
function headline(chosen) {
  if (!chosen) return null;
  const minutes = (n) => (n.method === 'engine'
    ? `${t('engineNumber')}: ${number(n.minutes)} min ${t('perPiece')} + ${number(n.setupMin)} min ${t('setupPerBatch')}`
    : `${t('modelNumber')}: ${number(n.minutes)} min`);
  const other = chosen.other ? [el('dt', { text: t('otherNumber') }), el('dd', { id: 'other-number', text: minutes(chosen.other) })] : [];
  return [el('dt', { text: t('headline') }), el('dd', { id: 'headline', title: chosen.why, text: minutes(chosen) }), ...other];
}

function partCard(part, index) {
  const estimate = part.estimate;
  const rows = estimate.breakdown.map((item) => el('tr', {},
    el('td', { text: item.operation }), el('td', { className: 'num', text: number(item.time_min, 2) }), el('td', { text: item.notes ?? '' })));
  return el('article', { className: 'part', 'aria-labelledby': `part-${index}` },
    el('h2', { id: `part-${index}`, text: `${t('part')} ${index + 1}: ${part.partName ?? part.key}` }),
    el('dl', { className: 'facts-row' },
      el('dt', { text: t('drawingNumber') }), el('dd', { text: part.drawingNumber ?? '–' }),
      el('dt', { text: t('partType') }), el('dd', { text: estimate.part_type }),
      el('dt', { text: t('complexity') }), el('dd', { text: estimate.complexity }),
      el('dt', { text: t('material') }), el('dd', { text: estimate.material_detected ?? '–' }),
      el('dt', { text: t('confidence') }), el('dd', { className: `confidence ${estimate.confidence}`, text: t(estimate.confidence) }),
      calibrated(part)),
    el('table', {},
      el('caption', { text: `${t('operations')} — ${number(part.estimatedMinutes)} min` }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('operation') }), el('th', { scope: 'col', text: t('minutes') }), el('th', { scope: 'col', text: t('notes') }))),
      el('tbody', {}, ...rows)),
    el('p', { className: 'reasoning' }, el('strong', { text: `${t('reasoning')}: ` }), estimate.reasoning));
}

/** The calibrated time and its interval (calibratedTimeMin, calibratedInterval), when a calibration exists for the model. */
function calibrated(part) {
  if (part.calibratedTimeMin === undefined || part.calibratedTimeMin === null) return null;
  const range = part.calibratedInterval;
  const interval = range ? ` (${number(range.lowMin)}–${number(range.highMin)})` : '';
  return [el('dt', { text: t('calibrated') }), el('dd', { text: `${number(part.calibratedTimeMin)} min${interval}` })];
}

function shadow(doc) {
  if (!doc.shadow) return null;
  return el('aside', { className: 'shadow', 'aria-label': t('shadow') },
    el('h2', { text: `${t('shadow')}: ${doc.shadow.model}` }),
    el('p', { text: `${t('total')}: ${number(doc.shadow.totalEstimatedMinutes)} min · ${t(doc.shadow.status)}` }));
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
      ` — ${t('actualTime')} ${number(n.actualMin)} min, ${t('similarScore')} ${number(n.score, 2)}`))));
    panel.hidden = false;
  }).catch(() => {});
  return panel;
}

function fillWarnings(doc, list, reload) {
  const add = (text, extra = null) => list.append(el('li', {}, el('span', { text }), extra ? ' ' : null, extra));
  for (const part of doc.parts) if (part.estimate.confidence === 'low') add(`${part.partName ?? part.key}: ${t('lowConfidence')}`);
  for (const page of doc.pages) {
    for (const warning of page.result?.warnings ?? []) add(t('pageProblem', { page: page.page, reason: warning.message }));
    if (page.status !== 'completed') {
      const reason = page.renderError?.message ?? page.result?.error?.message ?? page.result?.refusal ?? t(page.status);
      const retry = page.retryable
        ? el('button', { type: 'button', text: t('retry'), onclick: async () => {
          const answer = await api.retryEstimate(doc.id);
          reload(answer?.started === false ? t('nothingToRetry') : t('retryStarted'));
        } })
        : null;
      add(t('pageProblem', { page: page.page, reason: `${t(page.status)} — ${reason}` }), retry);
    }
  }
  for (const warning of doc.headline?.warnings ?? []) add(warning.message);
  if (doc.error) add(doc.error.message);
  if (list.children.length === 0) list.append(el('li', { className: 'ok', text: t('noWarnings') }));
}

async function fillFacts(doc, container, warnings) {
  for (const page of doc.pages.filter((p) => p.facts)) {
    const facts = await api.pageFacts(doc.id, page.page).catch(() => null);
    if (!facts) continue;
    const block = facts.titleBlock ?? {};
    const features = facts.features ?? {};
    const list = (values) => (values?.length ? values.map((v) => v.value).join(', ') : null);
    const items = [
      [t('material'), block.material?.value],
      [t('units'), block.units?.value],
      [t('tolerance'), block.generalTolerance?.value],
      [t('threads'), list(features.threads)],
      [t('fits'), list(features.fits)],
      [t('roughness'), list(features.roughness)],
    ];
    container.append(el('fieldset', {},
      el('legend', { text: `${t('page')} ${page.page}` }),
      ...items.map(([label, value], index) => el('label', { className: 'check' },
        el('input', { type: 'checkbox', name: `fact-${page.page}-${index}` }),
        el('span', { text: `${label}: ${value ?? t('notRead')}` })))));
    const answered = page.result?.estimate?.material_detected;
    if (block.material?.value && answered && normalise(block.material.value) !== normalise(answered)) {
      warnings.querySelector('.ok')?.remove();
      warnings.prepend(el('li', { className: 'strong', text: t('materialDiffers', { model: answered, block: block.material.value }) }));
    }
  }
}

const normalise = (text) => text.toLowerCase().replace(/[\s.\-_]/g, '');
