// Czech by default, English on request; numbers and dates in the chosen language's locale (Czech: decimal comma).
import { texts, daysLeft } from './texts.js';
import { codes } from './codes.js';

const locales = { cs: 'cs-CZ', en: 'en-GB' };
let language = localStorage.getItem('timevision.language') in texts ? localStorage.getItem('timevision.language') : 'cs';

export const currentLanguage = () => language;

export function setLanguage(next) {
  language = next in texts ? next : 'cs';
  localStorage.setItem('timevision.language', language);
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
}

/** A template's {name}s filled with the values, taken as they are (a "$&" in a value stays "$&"). */
export const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));

export function t(key, values = {}) {
  return fill(texts[language][key] ?? texts.cs[key] ?? key, values);
}

/**
 * A server code in words: `${kind}.${code}` filled with its params when the template has all it names, else its
 * ".short" form, else the kind's "unknown" wording with the code. Never the server's English message.
 */
export function word(kind, code, params = {}) {
  const table = codes[language];
  const values = localised(params);
  const template = table[`${kind}.${code}`];
  if (template && [...template.matchAll(/\{(\w+)\}/g)].every(([, name]) => values[name] !== undefined && values[name] !== '')) return fill(template, values);
  const short = table[`${kind}.${code}.short`];
  if (short) return short;
  return table[`${kind}.unknown`] ? fill(table[`${kind}.unknown`], { code }) : String(code);
}

/** Whether the page has words for a server code. */
export const hasWord = (kind, code) => `${kind}.${code}` in codes[language];

/** An enum value in words (part type, complexity, units, status…); the value itself when the page has no word for it. */
export const enumWord = (kind, value) => (value === null || value === undefined ? '–' : codes[language][`${kind}.${value}`] ?? String(value));

/** Params that are enum values, and the kind of words for them. */
const worded = { group: 'group', field: 'field', featureType: 'featureType', featureSource: 'featureFrom', method: 'method', missing: 'missing', notMade: 'planNotMade' };

/** Params as the reader's language writes them: minutes, millimetres, megabytes and prices as numbers, moments as dates. */
function localised(params) {
  const values = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (/(Min|Mm|Mb|Usd|Mape|Documents)$|^(largestNumber|pages|maxPages|tries|ratio)$/.test(name) && value !== '' && !Number.isNaN(Number(value))) values[name] = number(Number(value), 0, 3);
    else if (name === 'opensAt') values[name] = dateTime(value);
    else if (name in worded) values[name] = enumWord(worded[name], value);
    else values[name] = value;
  }
  return values;
}

/** Pages as a short list of ranges, "strany 3–5" or "strana 2". */
export function pagesText(pages) {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const ranges = [];
  for (const page of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && page === last[1] + 1) last[1] = page;
    else ranges.push([page, page]);
  }
  const text = ranges.map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`)).join(', ');
  return fill(codes[language][sorted.length === 1 ? 'pageOne' : 'pageMany'], { pages: text });
}

export const number = (value, minimumDigits = 1, maximumDigits = minimumDigits) =>
  value === null || value === undefined ? '–' : new Intl.NumberFormat(locales[language], { minimumFractionDigits: minimumDigits, maximumFractionDigits: maximumDigits }).format(value);

/**
 * A number for a text box: the language's decimal mark and no thousands separators, which would read back as decimals
 * ("1,200" is 1.2 to parseNumber); every digit the number has unless a maximum is given.
 */
export const plainNumber = (value, minimumDigits = 0, maximumDigits = 20) =>
  value === null || value === undefined ? '' : new Intl.NumberFormat(locales[language], { useGrouping: false, minimumFractionDigits: minimumDigits, maximumFractionDigits: maximumDigits }).format(value);

/** Minutes, always with two decimals ("2,40 min"); null when there is no figure, so no "– min" is ever shown. */
export const minutes = (value) => (value === null || value === undefined ? null : `${number(value, 2)} min`);

/** "zbývá 3 dny" and the like, in the language's plural forms. */
export function daysLeftText(days) {
  const forms = daysLeft[language];
  return fill(forms[new Intl.PluralRules(locales[language]).select(days)] ?? forms.other, { n: days });
}

export const dateTime = (value) =>
  value ? new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)) : '–';

export const date = (value) => (value ? new Intl.DateTimeFormat(locales[language], { dateStyle: 'long' }).format(new Date(value)) : '–');

/**
 * Reads a number typed in either locale's way (a decimal comma or point); with both marks ("1,234.5", "1.234,5") the
 * last is the decimal mark and the other groups thousands.
 */
export function parseNumber(text) {
  const compact = String(text).trim().replace(/\s/g, '');
  const grouping = compact.includes(',') && compact.includes('.') ? (compact.lastIndexOf(',') > compact.lastIndexOf('.') ? '.' : ',') : null;
  return Number((grouping ? compact.replaceAll(grouping, '') : compact).replace(',', '.'));
}
