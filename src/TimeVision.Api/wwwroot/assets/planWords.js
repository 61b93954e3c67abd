// The process plan in the page's words: a line's formula and inputs, a default the engine took, a feature's sizes and
// a conflict between two sources. The engine writes these in English (src/docs/process-plan.md); the page words
// them by their known forms in codes.js and leaves the mathematics (n, vf, D, ·) as it is.
import { codes } from './codes.js';
import { currentLanguage, enumWord, fill, number, t, word } from './i18n.js';

const table = () => codes[currentLanguage()];

/** A number as the inputs show it: whole above 100 (speeds), else up to three decimals. */
const figure = (value) => (typeof value === 'number' ? number(value, 0, Math.abs(value) >= 100 ? 0 : 3) : String(value));

/** Every number in an engine's text ("Ø450.5 × 1200 mm") in the page's locale. */
const decimals = (text) => text.replace(/\d+(?:\.\d+)?/g, (digits) => number(Number(digits), 0, 3));

/** The formula in the page's language (English is the engine's own text). */
export const formulaWords = (formula) => table()[`formula.${formula}`] ?? formula;

/** One input with its meaning and unit: "n (otáčky) = 12 732 ot/min". */
export function inputWords(name, value) {
  const template = table()[`input.${name}`] ?? table()['input.unknown'];
  return fill(template, { name, value: figure(value) });
}

/**
 * One input split for a compact line: its symbol, the symbol's meaning (for a tooltip) and the rest ("= 4 244 ot/min");
 * an input worded without a symbol ("hloubka = 13,5 mm") has no meaning.
 */
export function inputParts(name, value) {
  const text = inputWords(name, value);
  const parts = /^(\S+) \(([^)]+)\)( = .*)$/.exec(text);
  if (parts) return { symbol: parts[1], meaning: parts[2], rest: parts[3] };
  const plain = /^(.*?)( = .*)$/.exec(text);
  return plain ? { symbol: plain[1], meaning: null, rest: plain[2] } : { symbol: text, meaning: null, rest: '' };
}

/** A line's feature id: the stock's and the part's lines are worded, the features keep their ids. */
export const lineIdWords = (id) => table()[`lineId.${id}`] ?? id;

/** A field of the features contract in words ("hloubka"). */
export const fieldWords = (field) => table()[`featureField.${field}`] ?? field;

/** A value of a field in words: a material group, a part type or a yes/no worded, a number in the locale. */
export function valueWords(field, value) {
  if (field === 'materialGroup') return enumWord('group', value);
  if (field === 'partType') return enumWord('partType', value);
  if (value === true || value === 'true') return table().yes;
  if (value === false || value === 'false') return table().no;
  return value !== '' && !Number.isNaN(Number(value)) ? figure(Number(value)) : String(value);
}

/**
 * A default the engine took ("f2: tool.diameterMm = 40 (smallest face mill ≥ 1.3·width)") in words; a reason the page
 * has no words for is left out rather than shown in English.
 */
export function defaultWords(text) {
  const parts = /^([^:]+): (\S+) = (.+?) \((.*)\)$/.exec(text);
  if (!parts) return currentLanguage() === 'en' ? text : noteWords(text);
  const [, where, field, value, why] = parts;
  const reason = whyWords(why);
  return `${lineIdWords(where)}: ${fieldWords(field)} = ${valueWords(field, value)}${reason ? ` (${reason})` : ''}`;
}

/** A note that is not a default's value (src/TimeVision.Core/Estimating/ProcessPlanning/DefaultReasons.cs), or null. */
function noteWords(text) {
  const words = table();
  const none = /^(\w+): no active work centre of this kind;/.exec(text);
  if (none) return fill(words['defaultNote.noCentre'], { kind: enumWord('centreKind', none[1]) });
  const holds = /^(\w+): no work centre holds (.*); the largest, (.+), is taken$/.exec(text);
  if (holds) return fill(words['defaultNote.noCentreHolds'], { kind: enumWord('centreKind', holds[1]), size: decimals(holds[2]), centre: holds[3] });
  const cut = /^([^:]+): diameterToMm ([\d.]+) is not below the diameter ([\d.]+); nothing is cut$/.exec(text);
  if (cut) return fill(words['defaultNote.nothingCut'], { where: lineIdWords(cut[1]), target: decimals(cut[2]), outside: decimals(cut[3]) });
  return null;
}

function whyWords(why) {
  const operation = /^(\w+)(?: \(fallback of \w+\))? (\w+)$/.exec(why);
  if (operation && table()[`defaultOperation.${operation[2]}`]) {
    return word('defaultWhy', 'operation', { group: enumWord('group', operation[1]), operation: table()[`defaultOperation.${operation[2]}`] });
  }
  if (currentLanguage() === 'en') return why;
  if (table()[`defaultWhy.${why}`]) return table()[`defaultWhy.${why}`];
  if (/^[\d.]+·D1?$/.test(why)) return decimals(why);
  const material = /^read from the material '(.*)'$/.exec(why);
  if (material) return fill(table()['defaultWhy.readFromMaterial'], { material: material[1] });
  const unknown = /^'(.*)' has no cutting data$/.exec(why);
  if (unknown) return fill(table()['defaultWhy.noCuttingData'], { group: unknown[1] });
  const rule = /^(smallest face mill|largest end mill|stepover) [≥≤]? ?(.*)$/.exec(why);
  if (rule && table()[`defaultWhy.${rule[1]}`]) return fill(table()[`defaultWhy.${rule[1]}`], { rule: decimals(rule[2].replace('width', 'šířka')) });
  return table()[`defaultWhy.${why}`] ?? null;
}

/** A merged feature's sizes in a line: "4× · Ø6,8 mm · M8 · hl. 13,5 mm". */
export function featureSizes(feature) {
  const mm = (value) => `${number(value, 0, 3)} mm`;
  return [
    `${feature.count ?? 1}×`,
    feature.thread ?? null,
    feature.diameterMm ? `Ø${mm(feature.diameterMm)}` : null,
    feature.diameterFromMm !== undefined && feature.diameterToMm !== undefined ? `Ø${number(feature.diameterFromMm, 0, 3)} → Ø${mm(feature.diameterToMm)}` : null,
    feature.lengthMm ? `${fieldWords('lengthMm')} ${mm(feature.lengthMm)}` : null,
    feature.widthMm ? `${fieldWords('widthMm')} ${mm(feature.widthMm)}` : null,
    feature.depthMm ? `${fieldWords('depthMm')} ${mm(feature.depthMm)}` : null,
    feature.through ? fieldWords('through') : null,
  ].filter(Boolean).join(' · ');
}

/** A conflict between two sources, worded as the feature_conflict warning. */
export const conflictWords = (conflict) => word('warning', 'feature_conflict', {
  field: fieldWords(conflict.field),
  kept: valueWords(conflict.field, conflict.kept),
  keptFrom: enumWord('featureFrom', conflict.keptFrom),
  other: valueWords(conflict.field, conflict.other),
  otherFrom: enumWord('featureFrom', conflict.otherFrom),
});

/** Where a feature was read: "z textové vrstvy, strana 1". */
export function sourceWords(source) {
  if (!source) return '';
  const from = enumWord('featureFrom', source.kind);
  return source.page ? t('fromPage', { source: from, page: source.page }) : from;
}
