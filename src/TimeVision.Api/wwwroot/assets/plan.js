// The process plan on the document (GET /api/estimates/{id}/plan): the routing (operation, work centre, setup per
// batch, minutes per piece, tools) with its totals; each operation expands to its features' lines with the formula and
// its inputs and the shop's factor; the defaults the engine took; the estimator's acceptance (POST .../plan/accept);
// a notice when the shop's cutting data or work centres changed since the plan was made, with a button that plans the
// stored features again (POST .../plan/replan).
// Below it the features (planFeatures.js), and their outlines on the drawing with the facts' (outlines.js).
import { el, clear, append } from './dom.js';
import { t, enumWord, minutes, number, dateTime, word } from './i18n.js';
import * as api from './api.js';
import { rememberedName } from './people.js';
import { errorWords } from './words.js';
import { defaultWords, formulaWords, inputParts, lineIdWords } from './planWords.js';
import { featuresList, outlineItems } from './planFeatures.js';
import { drawOutlines, linkOutlines } from './outlines.js';

export function planPanel(doc, reload) {
  const loading = el('p', { className: 'hint', text: t('planLoading') });
  const body = el('div', { id: 'plan-body' }, loading);
  const panel = el('section', { className: 'panel plan', id: 'plan', 'aria-labelledby': 'plan-title' }, el('h2', { id: 'plan-title', text: t('plan') }), body);
  load(doc, panel, body, reload).catch((error) => {
    loading.remove();
    body.append(el('p', { className: 'error', role: 'alert', text: `${t('error')}: ${errorWords(error)}` }));
  });
  return panel;
}

async function load(doc, panel, body, reload) {
  let answer;
  try {
    answer = await api.getPlan(doc.id);
  } catch (error) {
    const why = error.code === 'no_plan'
      ? (doc.plan?.notMade ? word('planNotMade', doc.plan.notMade.code) : t('planBeforePlans'))
      : errorWords(error);
    clear(body).append(el('p', { id: 'plan-none', text: error.code === 'no_plan' ? t('noPlan', { why }) : `${t('error')}: ${why}` }));
    return;
  }
  const routing = answer.plan.routing;
  append(clear(body), [
    behindNotice(doc, answer, reload),
    el('p', { className: 'hint', text: t('outlineHint') }),
    el('div', { className: 'scroll' }, routingTable(routing, new Map((answer.workCentres ?? []).map((c) => [c.id, c])))),
    calibratedTotals(routing),
    defaultsList(routing),
    acceptance(doc, answer, reload),
    featuresList(doc, answer, reload)]);
  const root = panel.closest('#document') ?? document.body;
  linkOutlines(root);
  await outlinePages(root, doc, answer);
}

function routingTable(routing, centres) {
  const head = el('tr', {}, ...[t('operation'), t('setup'), t('perPieceTime'), t('tools')]
    .map((label, index) => el('th', { scope: 'col', className: index > 0 ? 'num' : null, text: label })));
  const rows = routing.operations.flatMap((operation) => operationRows(operation, centres));
  const total = el('tr', { className: 'total-row' },
    el('th', { scope: 'row', text: t('planTotal') }),
    el('td', { className: 'num', id: 'plan-setup', text: minutes(routing.setupMin) }),
    el('td', { className: 'num', id: 'plan-per-piece', text: minutes(routing.cycleMin) }),
    el('td', { className: 'num', text: String(routing.operations.reduce((sum, o) => sum + o.tools, 0)) }));
  return el('table', { className: 'routing', id: 'routing', 'aria-labelledby': 'plan-title' },
    el('thead', {}, head), el('tbody', {}, ...rows), el('tfoot', {}, total));
}

/** An operation's row (its work centre named under it, the id as its tooltip) and the hidden row of its lines. */
function operationRows(operation, centres) {
  const detailId = `plan-lines-${operation.sequence}`;
  const kind = enumWord('operationKind', operation.kind);
  const toggle = el('button', { type: 'button', className: 'expand', 'aria-expanded': 'false', 'aria-controls': detailId,
    'aria-label': t('showLines', { operation: `${operation.sequence} ${kind}` }), text: `${operation.sequence} ${kind}` });
  const detail = el('tr', { id: detailId, className: 'lines', hidden: true }, el('td', { colspan: 4 }, linesList(operation)));
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    detail.hidden = !open;
  });
  const centre = centres.get(operation.workCentre);
  const factor = (value) => (value === null || value === undefined ? null : el('small', { className: 'factor', text: `×${number(value, 2)}` }));
  return [
    el('tr', { className: 'operation', 'data-sequence': operation.sequence },
      el('td', {}, toggle, el('small', { className: 'centre', title: `${t('workCentre')} ${operation.workCentre}`,
        text: `${t('workCentre')}: ${centre?.name ?? operation.workCentre}` })),
      el('td', { className: 'num' }, minutes(operation.setupMin), factor(operation.setupFactor)),
      el('td', { className: 'num' }, minutes(operation.cycleMin), factor(operation.cycleFactor)),
      el('td', { className: 'num', text: String(operation.tools) })),
    detail,
  ];
}

/**
 * The operation's lines, stacked to fit a narrow column: the feature, its count and cutting minutes (and the shop's
 * factor) on one line, the formula under it, and its inputs as a wrapped list ("n = 4 244 ot/min · vf = …").
 */
function linesList(operation) {
  return el('ul', { className: 'plan-lines', 'aria-label': t('showLines', { operation: `${operation.sequence} ${enumWord('operationKind', operation.kind)}` }) },
    ...operation.lines.map((line) => el('li', { className: 'line', 'data-outline': `feature:${line.featureId}`, tabindex: '0' },
      el('p', { className: 'head' },
        el('span', { className: 'what' }, `${lineIdWords(line.featureId)} `, el('small', { text: enumWord('featureType', line.type) })),
        el('span', { className: 'count', title: t('lineCount'), text: `${line.count}×` }),
        el('span', { className: 'num minutes', title: t('lineMinutes'), text: minutes(line.cuttingMin) }),
        line.factor ? el('span', { className: 'num factor', title: t('lineFactor'), text: `×${number(line.factor, 2)}` }) : null),
      el('p', { className: 'formula', title: t('lineFormula'), text: formulaWords(line.formula) }),
      el('ul', { className: 'inputs', 'aria-label': t('lineInputs') }, ...Object.entries(line.inputs ?? {}).map(([name, value]) => inputItem(name, value))))));
}

/** One input, its symbol explained by a tooltip: "n = 4 244 ot/min" with "otáčky" on n. */
function inputItem(name, value) {
  const { symbol, meaning, rest } = inputParts(name, value);
  return el('li', {}, meaning ? el('abbr', { title: meaning, text: symbol }) : symbol, rest);
}

function calibratedTotals(routing) {
  if (routing.calibratedCycleMin === null || routing.calibratedCycleMin === undefined) return null;
  return el('p', { id: 'plan-calibrated', text: t('calibratedPlan', { setup: minutes(routing.calibratedSetupMin), piece: minutes(routing.calibratedCycleMin) }) });
}

function defaultsList(routing) {
  const worded = routing.defaultsUsed.map(defaultWords).filter(Boolean);
  return el('details', { className: 'defaults', open: worded.length > 0 && worded.length <= 3 },
    el('summary', { text: `${t('defaultsUsed')} (${worded.length})` }),
    worded.length ? el('ul', {}, ...worded.map((text) => el('li', { text }))) : el('p', { text: t('noDefaults') }));
}

function acceptance(doc, answer, reload) {
  const accepted = answer.features.acceptances?.at(-1);
  const current = accepted && accepted.featuresVersion === answer.plan.featuresVersion;
  const status = el('span', { id: 'plan-accepted', text: accepted ? acceptedText(accepted, current) : '' });
  const problem = el('span', { className: 'error', role: 'alert' });
  const button = el('button', { type: 'button', id: 'plan-accept', disabled: current, text: t('acceptPlan'), onclick: async () => {
    button.disabled = true;
    try {
      await api.acceptPlan(doc.id, answer.etag, rememberedName() || null);
      reload(t('planAccepted'));
    } catch (error) {
      if (error.status === 412) { reload(t('featureStale')); return; }
      problem.textContent = `${t('error')}: ${errorWords(error)}`;
      button.disabled = false;
    }
  } });
  return el('p', { className: 'accept' }, button, ' ', status, ' ', problem);
}

/** The notice that the plan was made with older cutting data or work centres than the shop's now, or nothing. */
function behindNotice(doc, answer, reload) {
  const now = answer.current;
  if (!now || (now.cuttingDataVersion === answer.plan.cuttingDataVersion && now.workCentresVersion === answer.plan.workCentresVersion)) return null;
  const problem = el('span', { className: 'error', role: 'alert' });
  const button = el('button', { type: 'button', id: 'plan-replan', text: t('replan'), onclick: async () => {
    button.disabled = true;
    try {
      await api.replan(doc.id, answer.etag);
      reload(t('planReplanned'));
    } catch (error) {
      if (error.status === 412) { reload(t('replanStale')); return; }
      problem.textContent = `${t('error')}: ${errorWords(error)}`;
      button.disabled = false;
    }
  } });
  return el('p', { className: 'notice behind', id: 'plan-behind', role: 'status' }, t('planBehind'), ' ', button, ' ', problem);
}

function acceptedText(accepted, current) {
  if (!current) return t('acceptedEarlier', { by: accepted.by ?? '–', at: dateTime(accepted.at) });
  return accepted.by ? t('acceptedBy', { by: accepted.by, at: dateTime(accepted.at) }) : t('acceptedAt', { at: dateTime(accepted.at) });
}

/** Outlines on every page with an image: the merged features with a box, and the facts of its text layer. */
async function outlinePages(root, doc, answer) {
  const pages = doc.pages.filter((p) => p.image);
  await Promise.all(pages.map(async (p) => {
    const facts = p.facts ? await api.pageFacts(doc.id, p.page).catch(() => null) : null;
    if (facts) drawOutlines(root, p.page, facts, outlineItems(answer, p.page, facts));
  }));
}
