// The part's merged features beside the plan: each with its sizes, where it was read, the estimator's correction (who
// and when, from the newest estimator reading) and any conflict between two sources; corrected in place (count,
// diameter, depth, thread; the part's material group). A correction is the estimator's whole feature set sent with
// PUT /api/estimates/{id}/features and the plan's ETag: the newest estimator reading with this feature replaced, so
// earlier corrections stay. The plan is recomputed at once and the document redrawn; a 412 reloads and says why.
import { el } from './dom.js';
import { t, enumWord, dateTime, parseNumber, plainNumber } from './i18n.js';
import * as api from './api.js';
import { rememberedName, rememberName } from './people.js';
import { errorWords } from './words.js';
import { conflictWords, featureSizes, sourceWords } from './planWords.js';

const groups = ['aluminium', 'plastic', 'brass_bronze', 'copper', 'cast_iron', 'free_cutting_steel', 'steel', 'alloy_steel', 'stainless_steel', 'tool_steel', 'titanium'];
const threaded = new Set(['tapping', 'thread_turning']);

export function featuresList(doc, answer, reload) {
  const { merged, conflicts = [] } = answer.features;
  const latest = newestEstimatorReading(answer);
  const items = merged.features.map((feature) => el('li', { className: 'feature', 'data-outline': `feature:${feature.id}`, 'data-feature': feature.id },
    el('span', { className: 'name', text: `${feature.id} · ${enumWord('featureType', feature.type)}` }), ' ',
    el('span', { className: 'sizes', text: featureSizes(feature) }), ' ',
    el('small', { className: 'source', text: sourceWords(feature.source) }),
    feature.source?.kind === 'estimator' && latest ? el('small', { className: 'corrected', text: correctedText(latest) }) : null,
    conflictList(conflicts.filter((c) => c.featureId === feature.id)),
    correction(doc, answer, reload, featureFields(feature), (values) => withFeature(answer, feature, values))));
  const part = el('li', { className: 'feature part-level', 'data-feature': 'part' },
    el('span', { className: 'name', text: t('partLevel') }), ' ',
    el('span', { className: 'sizes', text: [enumWord('partType', merged.partType), `${t('materialGroup')}: ${enumWord('group', merged.materialGroup)}`].join(' · ') }),
    conflictList(conflicts.filter((c) => !c.featureId)),
    correction(doc, answer, reload, [{ name: 'materialGroup', label: t('materialGroup'), value: merged.materialGroup, choices: groups }],
      (values) => ({ ...estimatorSet(answer), materialGroup: values.materialGroup })));
  return el('section', { className: 'features', 'aria-labelledby': 'features-title' },
    el('h3', { id: 'features-title', text: t('features') }), el('ul', { id: 'features' }, part, ...items));
}

const conflictList = (conflicts) => (conflicts.length
  ? el('ul', { className: 'conflicts' }, ...conflicts.map((c) => el('li', { className: 'conflict', text: conflictWords(c) })))
  : null);

const correctedText = (reading) => (reading.by ? t('correctedBy', { by: reading.by, at: dateTime(reading.at) }) : t('correctedAt', { at: dateTime(reading.at) }));

function featureFields(feature) {
  return [
    { name: 'count', label: t('count'), value: feature.count ?? 1 },
    { name: 'diameterMm', label: t('diameter'), value: feature.diameterMm },
    { name: 'depthMm', label: t('depth'), value: feature.depthMm },
    threaded.has(feature.type) || feature.thread ? { name: 'thread', label: t('thread'), value: feature.thread, text: true } : null,
  ].filter(Boolean);
}

/** A "Correct" button that opens a small form in place; saving PUTs the set its build makes of the values. */
function correction(doc, answer, reload, fields, build) {
  const problem = el('p', { className: 'error', role: 'alert' });
  const inputs = fields.map((field) => ({ field, input: inputFor(field) }));
  const who = el('input', { name: 'enteredBy', value: rememberedName(), maxlength: 200, autocomplete: 'name' });
  const save = el('button', { type: 'submit', text: t('saveCorrection') });
  const form = el('form', { className: 'correction', hidden: true },
    ...inputs.map(({ field, input }) => el('label', { className: 'field' }, el('span', { text: field.label }), input)),
    el('label', { className: 'field' }, el('span', { text: t('enteredBy') }), who),
    save,
    el('button', { type: 'button', className: 'secondary', text: t('cancel'), onclick: () => { form.hidden = true; } }),
    problem);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = readValues(inputs);
    if (!values) { problem.textContent = t('invalidFeature'); return; }
    rememberName(who.value);
    save.disabled = true;
    try {
      await api.putFeatures(doc.id, answer.etag, build(values), who.value.trim() || null);
      reload(t('featureSaved'));
    } catch (error) {
      if (error.status === 412) { reload(t('featureStale')); return; }
      problem.textContent = `${t('error')}: ${errorWords(error)}`;
      save.disabled = false;
    }
  });
  const open = el('button', { type: 'button', className: 'secondary correct', text: t('correct'), onclick: () => { form.hidden = false; inputs[0].input.focus(); } });
  return [' ', open, form];
}

function inputFor(field) {
  if (field.choices) {
    return el('select', { name: field.name }, ...field.choices.map((choice) => el('option', { value: choice, selected: choice === field.value, text: enumWord('group', choice) })));
  }
  const value = field.text ? field.value ?? '' : plainNumber(field.value);
  return el('input', { name: field.name, value, inputmode: field.text ? 'text' : 'decimal', size: 8 });
}

/** The form's values, or null when one is not a count from 1 or a positive size; an empty size is left out. */
function readValues(inputs) {
  const values = {};
  for (const { field, input } of inputs) {
    const text = input.value.trim();
    if (field.choices || field.text) { values[field.name] = text || undefined; continue; }
    if (text === '') { if (field.name === 'count') return null; values[field.name] = undefined; continue; }
    const value = parseNumber(text);
    if (!Number.isFinite(value) || value <= 0 || (field.name === 'count' && !Number.isInteger(value))) return null;
    values[field.name] = value;
  }
  return values;
}

const newestEstimatorReading = (answer) => [...(answer.features.readings ?? [])].reverse().find((r) => r.kind === 'estimator') ?? null;

/** The estimator's features as last stored (a copy), or an empty set. */
function estimatorSet(answer) {
  const latest = newestEstimatorReading(answer);
  return latest ? structuredClone(latest.features) : { features: [] };
}

/** The estimator's set with this feature as corrected: its merged values, the corrections over them, marked the estimator's at its page and box. */
function withFeature(answer, feature, values) {
  const set = estimatorSet(answer);
  const { source, ...merged } = set.features.find((f) => f.id === feature.id) ?? feature;
  const corrected = { ...merged, ...values, source: { kind: 'estimator', page: feature.source?.page ?? source?.page, box: feature.source?.box ?? source?.box } };
  for (const name of Object.keys(corrected)) if (corrected[name] === undefined || corrected[name] === null) delete corrected[name];
  for (const name of Object.keys(corrected.source)) if (corrected.source[name] === undefined) delete corrected.source[name];
  set.features = [...(set.features ?? []).filter((f) => f.id !== feature.id), corrected];
  return set;
}

/** The outlines of one page: the merged features with a box on it, then the facts of its text layer. */
export function outlineItems(answer, page, facts) {
  const features = answer.features.merged.features.filter((f) => f.source?.box && (f.source.page ?? 1) === page)
    .map((f) => ({ key: `feature:${f.id}`, box: f.source.box, kind: 'feature', label: `${f.id} · ${enumWord('featureType', f.type)} · ${featureSizes(f)}` }));
  const keys = { material: 'material', drawingNumber: 'drawing-number', partName: 'part-name', units: 'units', generalTolerance: 'tolerance' };
  const titleBlock = Object.entries(facts.titleBlock ?? {}).filter(([, fact]) => fact?.source?.box)
    .map(([name, fact]) => ({ key: `fact:p${page}.${keys[name] ?? name}`, box: fact.source.box, kind: 'fact', label: fact.value }));
  const lists = Object.entries(facts.features ?? {}).filter(([, list]) => Array.isArray(list))
    .flatMap(([name, list]) => list.filter((fact) => fact?.source?.box)
      .map((fact) => ({ key: `fact:p${page}.${name}`, box: fact.source.box, kind: 'fact', label: fact.source.text ?? fact.value })));
  return [...titleBlock, ...lists, ...features];
}
