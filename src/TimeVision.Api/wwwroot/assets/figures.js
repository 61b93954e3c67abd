// The document's figures (doc.figures, decided on the server): the current one as the headline total
// (#document-total: the estimator's adjustment, else the calibrated time, else the estimate), the others beside it,
// each labelled, then the status and the model that answered. The list shows the same current figure.
import { el } from './dom.js';
import { t, enumWord, minutes } from './i18n.js';

export function figuresPanel(doc) {
  const figures = doc.figures ?? { current: doc.totalEstimatedMinutes, source: 'estimate', estimate: doc.totalEstimatedMinutes };
  const models = doc.models.map((m) => m.model).join(', ') || '–';
  const beside = (label, value, id) => (value === null || value === undefined ? null
    : [el('dt', { text: label }), el('dd', { id, text: minutes(value) })]);
  return el('dl', { className: 'summary' },
    el('dt', { text: t('total') }),
    el('dd', {},
      el('span', { className: 'total', id: 'document-total', text: minutes(figures.current) ?? t('noFigure') }),
      figures.current === null || figures.current === undefined ? null
        : el('span', { className: 'source', id: 'document-total-source', text: ` ${t('figureSource', { source: enumWord('source', figures.source) })}` })),
    figures.source !== 'estimate' ? beside(t('figureModel'), figures.estimate, 'figure-estimate') : null,
    figures.source !== 'calibrated' ? beside(t('calibrated'), figures.calibrated, 'figure-calibrated') : null,
    beside(t('figureActual'), figures.actual, 'figure-actual'),
    headline(doc.headline),
    el('dt', { text: t('status') }), el('dd', {}, el('span', { className: `badge ${doc.status}`, text: enumWord('status', doc.status) })),
    el('dt', { text: t('answeredBy') }), el('dd', { id: 'answered-by', text: models }));
}

/** Which number heads the estimate (the engine's per piece and setup, or the model's total), and the other number. */
function headline(chosen) {
  if (!chosen) return null;
  const numberWords = (n) => (n.method === 'engine'
    ? `${t('engineNumber')}: ${minutes(n.minutes)} ${t('perPiece')} + ${minutes(n.setupMin ?? 0)} ${t('setupPerBatch')}`
    : `${t('modelNumber')}: ${minutes(n.minutes)}`);
  const other = chosen.other ? [el('dt', { text: t('otherNumber') }), el('dd', { id: 'other-number', text: numberWords(chosen.other) })] : [];
  return [el('dt', { text: t('headline') }), el('dd', { id: 'headline', text: numberWords(chosen) }), ...other];
}
