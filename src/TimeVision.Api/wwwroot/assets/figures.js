// The document's figures (doc.figures, decided on the server): the current one as the headline total
// (#document-total: the estimator's adjustment, else the calibrated estimate, else the estimate, the engine's or the
// model's as the estimate's headline says), then the others beside it, each labelled: the estimate in full (#headline:
// the engine's minutes per piece and setup per batch, or the model's total) with why it heads, the other method's
// number, the calibrated time and the real time; then the status and the model that answered. The list shows the same
// current figure.
import { el } from './dom.js';
import { t, enumWord, minutes, word, hasWord } from './i18n.js';

export function figuresPanel(doc) {
  const figures = doc.figures ?? { current: doc.totalEstimatedMinutes, source: 'estimate', method: 'model', estimate: doc.totalEstimatedMinutes };
  const models = doc.models.map((m) => m.model).join(', ') || '–';
  const beside = (label, value, id) => (value === null || value === undefined ? null
    : [el('dt', { text: label }), el('dd', { id, text: minutes(value) })]);
  return el('dl', { className: 'summary' },
    el('dt', { text: t('total') }),
    el('dd', {},
      el('span', { className: 'total', id: 'document-total', text: minutes(figures.current) ?? t('noFigure') }),
      figures.current === null || figures.current === undefined ? null
        : el('span', { className: 'source', id: 'document-total-source', text: ` ${t('figureSource', { source: sourceWord(figures) })}` })),
    headline(doc.headline),
    figures.source !== 'calibrated' ? beside(calibratedLabel(figures.method), figures.calibrated, 'figure-calibrated') : null,
    beside(t('figureActual'), figures.actual, 'figure-actual'),
    el('dt', { text: t('status') }), el('dd', {}, el('span', { className: `badge ${doc.status}`, text: enumWord('status', doc.status) })),
    el('dt', { text: t('answeredBy') }), el('dd', { id: 'answered-by', text: models }));
}

/** Where the current figure comes from, naming the method for the estimate and its calibration ("výpočet z technologie"). */
const sourceWord = (figures) => (figures.source === 'adjustment' ? enumWord('source', 'adjustment') : enumWord('source', `${figures.source}.${figures.method ?? 'model'}`));

const calibratedLabel = (method) => (method === 'engine' ? t('calibratedEngine') : t('calibrated'));

/**
 * The estimate in full and why it heads (the engine's per piece and setup, or the model's total; the reason worded by
 * its code), then the other method's number.
 */
function headline(chosen) {
  if (!chosen) return null;
  const reason = reasonWords(chosen);
  const other = chosen.other ? [el('dt', { text: t('otherNumber') }), el('dd', { id: 'other-number', text: numberWords(chosen.other) })] : [];
  return [
    el('dt', { text: t('headline') }),
    el('dd', { id: 'headline', title: reason ?? '', text: numberWords(chosen) }),
    reason ? el('dd', { id: 'headline-why', className: 'why', text: reason }) : null,
    ...other,
  ];
}

const numberWords = (n) => (n.method === 'engine'
  ? `${t('engineNumber')}: ${minutes(n.minutes)} ${t('perPiece')} + ${minutes(n.setupMin ?? 0)} ${t('setupPerBatch')}`
  : `${t('modelNumber')}: ${minutes(n.minutes)}`);

/** Why the number heads, in the page's language; the default rule's reason, when it decided, worded inside it. None for a code the page does not know. */
function reasonWords(chosen) {
  if (!chosen.whyCode || !hasWord('reason', chosen.whyCode)) return null;
  const params = { ...(chosen.whyParams ?? {}) };
  if (params.rule) params.rule = hasWord('reason', params.rule) ? word('reason', params.rule, params) : '';
  return word('reason', chosen.whyCode, params);
}
