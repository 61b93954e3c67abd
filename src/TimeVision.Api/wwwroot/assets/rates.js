// The admin's page for the shop's rates (/admin/rates): the version in use and who set it, the coefficients, the work
// centres (hourly rates, setup minutes, limits) and the material prices, saved as a new version with PUT /api/rates
// over the version shown (If-Match). Someone else's newer version (409) or a value the server refuses (400, naming the
// field) is worded; nothing is overwritten. Shown to the admin only: the API refuses everyone else whatever the page shows.
import { el, clear } from './dom.js';
import { t, number, dateTime, enumWord, parseNumber, plainNumber } from './i18n.js';
import { isAdmin } from './people.js';
import { errorWords } from './words.js';
import { toast } from './toast.js';
import * as api from './api.js';

const coefficientFields = ['overhead', 'margin', 'stock', 'coop', 'scrapPercent', 'ke', 'ko'];
const hourlyFields = ['depreciationPerHour', 'labourPerHour', 'toolsPerHour', 'overheadPerHour'];
const minuteFields = ['setupBaseMin', 'setupPerToolMin'];
const limitFields = ['maxDiameterMm', 'maxLengthMm', 'maxTravelMm'];
/** The coefficients' ranges, as the server checks them (RatesRules): [lowest, lowest allowed?, highest]. */
const ranges = { overhead: [0, false, 10], margin: [0, false, 10], stock: [0, false, 10], coop: [0, false, 10], scrapPercent: [0, true, 100], ke: [0, false, 2], ko: [0, true, 2] };

export async function renderRates(main) {
  const body = el('div', { id: 'rates' });
  clear(main).append(el('p', { className: 'back' }, el('a', { href: '/', 'data-nav': true, text: t('back') })), el('h1', { text: t('ratesTitle') }), body);
  try {
    if (!await isAdmin()) {
      body.append(el('p', { className: 'error', role: 'alert', id: 'rates-refused', text: `${t('error')}: ${errorWords({ code: 'admin_role_required' })}` }));
      return;
    }
    const { etag, body: rates } = await api.getRates();
    clear(body).append(ratesForm(rates, etag, () => renderRates(main)));
  } catch (error) {
    body.append(el('p', { className: 'error', role: 'alert', text: `${t('error')}: ${errorWords(error)}` }));
  }
}

function ratesForm(rates, etag, reload) {
  const draft = structuredClone(rates);
  const readers = [];
  const field = (target, key, label, rule) => numberInput(target, key, label, rule, readers);
  const problem = el('p', { className: 'error', role: 'alert', id: 'rates-problem' });
  const form = el('form', { id: 'rates-form' },
    el('p', { id: 'rates-version' }, versionText(rates)),
    el('fieldset', { className: 'coefficients' }, el('legend', { text: t('coefficients') }),
      ...coefficientFields.map((key) => el('label', { className: 'field' }, el('span', { text: t(`rate.${key}`) }),
        field(draft.coefficients, key, t(`rate.${key}`), { required: true, range: ranges[key] })))),
    centresTable(draft, field),
    materialsTable(draft, field),
    el('p', { className: 'actions' }, el('button', { type: 'submit', id: 'rates-save', text: t('saveRates') })),
    problem);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const invalid = readers.map((read) => read()).find(Boolean);
    problem.textContent = invalid ?? '';
    if (invalid) return;
    try {
      const saved = await api.putRates(draft, etag);
      reload();
      toast(t('ratesSaved', { version: saved.body.version }));
    } catch (error) {
      problem.replaceChildren(...refusal(error, draft, reload));
    }
  });
  return form;
}

function versionText(rates) {
  const at = dateTime(rates.setAt);
  const set = !rates.setAt ? t('ratesDefaults') : rates.setBy ? t('ratesSetBy', { by: rates.setBy, at }) : t('ratesSetAt', { at });
  return `${t('ratesVersion')}: ${rates.version ?? '–'} · ${rates.currency} · ${set}`;
}

function centresTable(draft, field) {
  const columns = ['name', 'active', ...hourlyFields, ...minuteFields, ...limitFields];
  const rows = draft.workCentres.map((centre) => {
    const label = (key) => `${t(`rate.${key}`)} — ${centre.id}`;
    const active = el('input', { type: 'checkbox', checked: centre.active !== false, 'aria-label': label('active'), onchange: (e) => { centre.active = e.target.checked; } });
    return el('tr', { 'data-centre': centre.id },
      el('th', { scope: 'row' }, el('span', { text: centre.id }), el('br'), el('small', { className: 'hint', text: enumWord('centreKind', centre.kind) })),
      el('td', {}, el('input', { value: centre.name ?? '', maxlength: 200, 'aria-label': label('name'), name: `${centre.id}.name`, oninput: (e) => { centre.name = e.target.value; } })),
      el('td', {}, active),
      ...[...hourlyFields, ...minuteFields, ...limitFields].map((key) => el('td', {},
        field(centre, key, label(key), { required: minuteFields.includes(key), positive: limitFields.includes(key) }))));
  });
  return el('section', { 'aria-labelledby': 'centres-title' }, el('h2', { id: 'centres-title', text: t('workCentres') }),
    el('div', { className: 'scroll' }, el('table', { id: 'rates-centres', className: 'rates-table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('rate.id') }), ...columns.map((key) => el('th', { scope: 'col', text: t(`rate.${key}`) })))),
      el('tbody', {}, ...rows))));
}

function materialsTable(draft, field) {
  const rows = draft.materials.map((material) => {
    const name = `${enumWord('group', material.group)}${material.shape ? ` (${enumWord('shape', material.shape)})` : ''}`;
    const tiers = material.priceTiers.map((tier, index) => el('span', { className: 'tier' },
      field(tier, 'minKg', `${t('rate.minKg')} ${index + 1} — ${name}`, { required: true }), ' kg: ',
      field(tier, 'pricePerKg', `${t('rate.pricePerKg')} ${index + 1} — ${name}`, { required: true }), ' ', t('perKg')));
    return el('tr', { 'data-material': `${material.group}${material.shape ? `.${material.shape}` : ''}` },
      el('th', { scope: 'row', text: name }),
      el('td', {}, field(material, 'densityKgPerDm3', `${t('rate.densityKgPerDm3')} — ${name}`, { required: true, positive: true })),
      el('td', { className: 'tiers' }, ...tiers));
  });
  return el('section', { 'aria-labelledby': 'materials-title' }, el('h2', { id: 'materials-title', text: t('materials') }),
    el('div', { className: 'scroll' }, el('table', { id: 'rates-materials', className: 'rates-table' },
      el('thead', {}, el('tr', {}, ...['materialGroup', 'densityKgPerDm3', 'priceTiers'].map((key) => el('th', { scope: 'col', text: t(`rate.${key}`) })))),
      el('tbody', {}, ...rows))));
}

/**
 * A text box for a number of `target[key]`, in the page's number format; its reader, run on save, stores the number
 * (an empty optional box: no value) or answers what is wrong, naming the field.
 */
function numberInput(target, key, label, { required = false, positive = false, range = null }, readers) {
  const value = target[key];
  const input = el('input', { value: plainNumber(value), inputmode: 'decimal', className: 'num', 'aria-label': label, name: label });
  readers.push(() => {
    const text = input.value.trim();
    input.removeAttribute('aria-invalid');
    const wrong = (why) => { input.setAttribute('aria-invalid', 'true'); return `${label}: ${why}`; };
    if (text === '') {
      if (required) return wrong(t('rateRequired'));
      delete target[key];
      return null;
    }
    const parsed = parseNumber(text);
    if (!Number.isFinite(parsed)) return wrong(t('rateNotNumber', { value: text }));
    if (range) {
      const [low, lowAllowed, high] = range;
      if ((lowAllowed ? parsed < low : parsed <= low) || parsed > high) return wrong(t(lowAllowed ? 'rateRangeFrom' : 'rateRangeAbove', { low: number(low, 0), high: number(high, 0) }));
    } else if (positive ? parsed <= 0 : parsed < 0) {
      return wrong(t(positive ? 'ratePositive' : 'rateNotNegative'));
    }
    target[key] = parsed;
    return null;
  });
  return input;
}

/** The server's refusal worded: a newer version (409) with a way to load it, or the field it names (400). */
function refusal(error, draft, reload) {
  if (error.code === 'stale_token') {
    return [t('ratesStale'), ' ', el('button', { type: 'button', className: 'secondary', text: t('reload'), onclick: reload })];
  }
  if (error.code === 'invalid_rates' && error.params?.path) {
    return [t('ratesInvalid', { field: pathWords(error.params.path, draft) })];
  }
  return [`${t('error')}: ${errorWords(error)}`];
}

/** A JSON path of the rates ($.workCentres[3].labourPerHour) in words: "MASTURN32: mzda (Kč/h)". */
export function pathWords(path, draft) {
  const centre = /^\$\.workCentres\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (centre) return [draft.workCentres[Number(centre[1])]?.id ?? `${t('workCentres')} ${Number(centre[1]) + 1}`, fieldWords(centre[2])].filter(Boolean).join(': ');
  const material = /^\$\.materials\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (material) {
    const row = draft.materials[Number(material[1])];
    return [row ? enumWord('group', row.group) : t('materials'), fieldWords(material[2])].filter(Boolean).join(': ');
  }
  const coefficient = /^\$\.coefficients(?:\.(\w+))?/.exec(path);
  if (coefficient) return [t('coefficients'), fieldWords(coefficient[1])].filter(Boolean).join(': ');
  return fieldWords(/^\$\.(\w+)$/.exec(path)?.[1]) ?? t('ratesTitle');
}

/** A field of the rates in words; the field's own name when the page has no words for it, null for none. */
function fieldWords(name) {
  if (!name) return null;
  const text = t(`rate.${name}`);
  return text === `rate.${name}` ? name : text;
}
