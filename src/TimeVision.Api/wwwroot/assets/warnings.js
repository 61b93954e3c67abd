// What to check first, merged per document: the same warning or the same failure on several pages is one line with
// the pages it concerns ("strany 3–5"), worded by its code in the page's language. One retry button for the pages a
// retry can fix.
import { el } from './dom.js';
import { t, enumWord, pagesText } from './i18n.js';
import { errorWords, warningWords } from './words.js';
import * as api from './api.js';

const emphasised = new Set(['material_differs_from_title_block', 'drawing_number_differs', 'inch_drawing_answer_looks_unconverted', 'model_total_far_from_plan']);

export function warningsPanel(doc, reload) {
  const lines = mergedLines(doc);
  const list = el('ul', { className: 'warnings', id: 'warnings' },
    ...lines.map((line) => el('li', { className: line.strong ? 'strong' : null },
      el('span', { text: doc.pageCount > 1 && line.pages.length ? `${line.text} (${pagesText(line.pages)})` : line.text }),
      line.retry ? [' ', retryButton(doc, reload)] : null)));
  if (lines.length === 0) list.append(el('li', { className: 'ok', text: t('noWarnings') }));
  return el('section', { className: 'panel attention', 'aria-labelledby': 'warnings-title' }, el('h2', { id: 'warnings-title', text: t('warnings') }), list);
}

function mergedLines(doc) {
  const lines = new Map();
  const add = (key, text, page, extra = {}) => {
    const line = lines.get(key) ?? lines.set(key, { text, pages: [], ...extra }).get(key);
    if (page) line.pages.push(page);
    if (extra.retry) line.retry = true;
  };
  doc.parts.forEach((part, index) => {
    if (part.estimate.confidence === 'low') add(`low:${index}`, t('lowConfidence', { part: part.partName ?? part.key }));
  });
  for (const page of doc.pages) {
    for (const warning of page.result?.warnings ?? []) {
      add(`warning:${warning.code}:${JSON.stringify(warning.params ?? {})}`, warningWords(warning), page.page, { strong: emphasised.has(warning.code) });
    }
    if (page.status !== 'completed' && page.status !== 'not_estimated') {
      const error = page.renderError ?? page.result?.error ?? (page.status === 'blocked' ? { code: 'refused' } : null);
      const text = error ? `${enumWord('status', page.status)} — ${errorWords(error)}` : enumWord('status', page.status);
      add(`page:${page.status}:${error?.code}:${JSON.stringify(error?.params ?? {})}`, text, page.page, { retry: page.retryable });
    }
  }
  // The estimate's headline warnings: the engine's number against the model's.
  for (const warning of doc.headline?.warnings ?? []) add(`headline:${warning.code}`, warningWords(warning), null, { strong: emphasised.has(warning.code) });
  if (doc.error) add('document', errorWords(doc.error), null, { strong: true });
  return [...lines.values()];
}

function retryButton(doc, reload) {
  return el('button', { type: 'button', text: t('retry'), onclick: async () => {
    const answer = await api.retryEstimate(doc.id);
    reload(answer?.started === false ? t('nothingToRetry') : t('retryStarted'));
  } });
}
