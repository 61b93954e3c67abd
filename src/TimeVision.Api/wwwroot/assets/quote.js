// The quote: the quantities to price (an editable list, the shop's 1, 10, 50, 100, 500 by default), per quantity the
// unit and batch prices as the API computes them with the rates in use, the batch's minutes and the setup's share per
// piece; freezing it as a price set by the name last typed as "Kdo"; the document's frozen quotes with their PDF offer and the ERP's CSV. When the
// document cannot be priced (no plan, no stock, a rate missing) the panel says why, worded by the API's code.
import { el, clear } from './dom.js';
import { t, number, dateTime, enumWord, currentLanguage } from './i18n.js';
import { errorWords } from './words.js';
import { toast } from './toast.js';
import * as api from './api.js';
import { rememberedName } from './people.js';

const defaultQuantities = [1, 10, 50, 100, 500];
const maxQuantity = 1_000_000;
const maxQuantities = 20;
/** What the estimator typed per document, kept over a re-render (a save, a language switch). */
const typed = new Map();
/** Why a document has no price: shown as a notice rather than an error, since nothing failed. */
const unpriced = ['no_plan', 'no_stock', 'no_material_group', 'rates_missing'];

export function quotePanel(doc, admin) {
  if (doc.parts.length === 0) return null;
  const state = { rows: typed.get(doc.id) ?? defaultQuantities.map(String) };
  typed.set(doc.id, state.rows);
  const problem = el('p', { className: 'error', role: 'alert', id: 'quote-problem' });
  const prices = el('div', { id: 'quote-prices', 'aria-live': 'polite' });
  const frozen = el('div', { id: 'quote-frozen' });
  const list = el('ul', { className: 'quantities', id: 'quote-quantities' });
  const redraw = () => list.replaceChildren(...state.rows.map((value, index) => el('li', {},
    el('input', { value, inputmode: 'numeric', className: 'num', name: `qty-${index}`, 'aria-label': `${t('quantity')} ${index + 1}`,
      oninput: (event) => { state.rows[index] = event.target.value; } }),
    el('button', { type: 'button', className: 'secondary', text: '×', title: `${t('remove')} ${index + 1}`, 'aria-label': `${t('remove')} ${t('quantity')} ${index + 1}`,
      onclick: () => { state.rows.splice(index, 1); redraw(); } }))));
  const priceFailed = (error) => { problem.textContent = failure(error); };
  const price = async () => {
    const quantities = checked(state.rows, problem);
    if (quantities) await showPrices(doc, quantities, prices, problem, admin);
    else clear(prices);
    return quantities;
  };
  const form = el('form', { id: 'quote-form' },
    el('fieldset', {}, el('legend', { text: t('quantities') }), list,
      el('p', { className: 'actions' },
        el('button', { type: 'button', className: 'secondary', id: 'quote-add', text: t('addQuantity'), onclick: () => { state.rows.push(''); redraw(); list.querySelector('li:last-child input').focus(); } }),
        el('button', { type: 'submit', id: 'quote-price', text: t('reprice') }),
        el('button', { type: 'button', className: 'secondary', id: 'quote-freeze', text: t('freeze'), onclick: async (event) => {
          const button = event.currentTarget;
          button.disabled = true;
          try {
            const quantities = await price();
            if (quantities && prices.querySelector('table')) await freeze(doc, quantities, frozen, problem);
          } catch (error) {
            priceFailed(error);
          } finally {
            button.disabled = false;
          }
        } }))),
    problem);
  form.addEventListener('submit', (event) => { event.preventDefault(); price().catch(priceFailed); });
  redraw();
  price().catch(priceFailed);
  frozenList(doc, frozen).catch((error) => frozen.replaceChildren(el('p', { className: 'error', role: 'alert', text: failure(error) })));
  return el('section', { className: 'panel quote', id: 'quote', 'aria-labelledby': 'quote-title' },
    el('h2', { id: 'quote-title', text: t('quote') }), form, prices, frozen);
}

/** A failure the panel did not expect, worded, so the panel never stays half drawn. */
const failure = (error) => `${t('error')}: ${errorWords(error)}`;

/** Why there is no price: for missing rates, which ones (the API's params), else the code in words. */
function unpricedWords(error) {
  const params = error.params ?? {};
  if (error.code !== 'rates_missing' || !(params.centres || params.unplaced || params.group)) return errorWords(error);
  return [
    params.centres ? t('missingRatesCentres', { centres: params.centres }) : null,
    params.unplaced ? t('missingRatesUnplaced') : null,
    params.group ? t('missingRatesMaterial', { group: enumWord('group', params.group) }) : null,
    t('missingRatesWho'),
  ].filter(Boolean).join('; ');
}

/** The typed quantities as whole numbers, or null with the first problem worded. */
function checked(rows, problem) {
  const texts = rows.map((row) => row.replace(/\s/g, ''));
  const bad = texts.find((text) => !/^\d+$/.test(text) || Number(text) < 1 || Number(text) > maxQuantity);
  const quantities = texts.map(Number);
  const twice = quantities.find((q, i) => quantities.indexOf(q) !== i);
  const why = texts.length === 0 ? t('quantityNone')
    : texts.length > maxQuantities ? t('quantityTooMany', { max: maxQuantities })
      : bad === '' ? t('quantityEmpty')
        : bad !== undefined ? t('quantityInvalid', { value: bad, max: number(maxQuantity, 0) })
          : twice !== undefined ? t('quantityTwice', { value: twice }) : null;
  problem.textContent = why ?? '';
  return why ? null : quantities;
}

async function showPrices(doc, quantities, prices, problem, admin) {
  prices.setAttribute('aria-busy', 'true');
  try {
    const quote = await api.getQuote(doc.id, quantities);
    clear(prices).append(basis(quote), priceTable(quote));
  } catch (error) {
    clear(prices);
    if (unpriced.includes(error.code)) {
      prices.append(el('p', { className: 'notice', id: 'quote-none' }, `${t('notPriced')}: ${unpricedWords(error)}`,
        admin && error.code === 'rates_missing' ? [' ', el('a', { href: '/admin/rates', 'data-nav': true, text: t('ratesLink') })] : null));
    } else {
      problem.textContent = `${t('error')}: ${errorWords(error)}`;
    }
  } finally {
    prices.removeAttribute('aria-busy');
  }
}

/** Amounts as the PDF offer writes them: two decimals, "1 468,32 Kč" or "1,468.32 CZK". */
export const money = (value, currency) => `${number(value, 2)} ${currency === 'CZK' && currentLanguage() === 'cs' ? 'Kč' : currency}`;

function basis(quote) {
  const stock = quote.stock ?? {};
  const part = [quote.part?.drawingNumber, quote.part?.name].filter(Boolean).join(' · ');
  return el('p', { className: 'hint', id: 'quote-basis' }, [
    part || null,
    `${t('material')}: ${quote.part?.material ?? enumWord('group', stock.materialGroup)}`,
    stock.weightKg !== undefined ? `${t('pieceWeight')}: ${number(stock.weightKg, 2, 3)} kg` : null,
    `${t('ratesVersion')}: ${quote.ratesVersion}`,
  ].filter(Boolean).join(' · '));
}

/** Per quantity the prices and, from the plan's minutes, the batch's time and the setup's minutes per piece. */
function priceTable(quote) {
  const setupMin = quote.operations.reduce((sum, o) => sum + o.setupMin, 0);
  const cycleMin = quote.operations.reduce((sum, o) => sum + o.cycleMin, 0);
  const head = ['quantity', 'unitPrice', 'batchPrice', 'machineCost', 'materialCost', 'cooperationCost', 'batchTime', 'setupPerPiece'];
  const rows = quote.batches.map((b) => el('tr', {},
    el('th', { scope: 'row', className: 'num', text: number(b.quantity, 0) }),
    el('td', { className: 'num unit-price', text: money(b.unitPrice, quote.currency) }),
    el('td', { className: 'num batch-price', text: money(b.total, quote.currency) }),
    el('td', { className: 'num', text: money(b.machineCost, quote.currency) }),
    el('td', { className: 'num', text: money(b.materialCost, quote.currency) }),
    el('td', { className: 'num', text: money(b.cooperationCost, quote.currency) }),
    el('td', { className: 'num', text: `${number(setupMin + b.quantity * cycleMin, 2)} min` }),
    el('td', { className: 'num', text: `${number(setupMin / b.quantity, 2)} min` })));
  return el('div', { className: 'scroll' }, el('table', { id: 'quote-table' },
    el('caption', { text: t('quoteCaption') }),
    el('thead', {}, el('tr', {}, ...head.map((key) => el('th', { scope: 'col', className: 'num', text: t(key) })))),
    el('tbody', {}, ...rows)));
}

async function freeze(doc, quantities, frozen, problem) {
  try {
    const quote = await api.freezeQuote(doc.id, quantities, rememberedName() || null);
    toast(t('frozenToast', { id: quote.id }));
    await frozenList(doc, frozen, quote.id);
  } catch (error) {
    problem.textContent = `${t('error')}: ${errorWords(error)}`;
  }
}

/** The frozen quotes, newest first, each with who froze it and when, its rates, and its PDF and CSV. */
async function frozenList(doc, frozen, fresh = null) {
  let items;
  try {
    items = (await api.listQuotes(doc.id)).items;
  } catch (error) {
    clear(frozen).append(el('p', { className: 'error', role: 'alert', text: `${t('error')}: ${errorWords(error)}` }));
    return;
  }
  if (items.length === 0) {
    clear(frozen);
    return;
  }
  const problem = el('p', { className: 'error', role: 'alert' });
  const rows = [...items].reverse().map((q) => el('tr', { className: q.id === fresh ? 'fresh' : null, 'data-quote': q.id },
    el('th', { scope: 'row', text: t('frozenNumber', { id: q.id }) }),
    el('td', { text: dateTime(q.frozenAt) }),
    el('td', { text: q.frozenBy ?? '–' }),
    el('td', { text: q.ratesVersion }),
    el('td', { text: q.batches.map((b) => number(b.quantity, 0)).join(', ') }),
    el('td', { text: q.supersededBy ? t('supersededBy', { id: q.supersededBy }) : t('frozenCurrent') }),
    el('td', { className: 'downloads' },
      download(doc, q.id, 'application/pdf', { lang: currentLanguage() }, t('downloadPdf'), problem), ' ',
      download(doc, q.id, 'text/csv', {}, t('downloadCsv'), problem))));
  clear(frozen).append(el('h3', { id: 'frozen-title', text: t('frozenQuotes') }),
    el('div', { className: 'scroll' }, el('table', { id: 'frozen-quotes', 'aria-labelledby': 'frozen-title' },
      el('thead', {}, el('tr', {}, ...['frozenId', 'frozenAt', 'frozenBy', 'ratesVersion', 'quantities', 'frozenState', 'downloads'].map((key) => el('th', { scope: 'col', text: t(key) })))),
      el('tbody', {}, ...rows))), problem);
}

/** A button that fetches the frozen quote in `type` (the API answers by Accept) and saves it under the server's name. */
function download(doc, quoteId, type, query, label, problem) {
  return el('button', { type: 'button', className: 'secondary', text: label, 'aria-label': `${label} — ${t('frozenNumber', { id: quoteId })}`, onclick: async () => {
    try {
      const file = await api.frozenQuoteFile(doc.id, quoteId, type, query);
      const url = URL.createObjectURL(file.blob);
      const link = el('a', { href: url, download: file.name ?? `quote-${quoteId}` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      problem.textContent = `${t('error')}: ${errorWords(error)}`;
    }
  } });
}
