// The facts to check, per page: the title block (material, drawing number, part name, units, tolerance) and the
// features the lettering names, and each part's size from the estimate. Each tick is stored on the server with who
// ticked it and when (GET/PUT /api/estimates/{id}/checklist), so it outlives a save, a reload and another browser.
import { el } from './dom.js';
import { t, enumWord, number, dateTime } from './i18n.js';
import { rememberedName } from './people.js';
import { errorWords } from './words.js';
import * as api from './api.js';

export function checklistPanel(doc) {
  const container = el('div', { className: 'facts', id: 'facts' });
  const problem = el('p', { className: 'error', role: 'alert' });
  fill(doc, container, problem);
  return el('section', { className: 'panel', 'aria-labelledby': 'facts-title' }, el('h2', { id: 'facts-title', text: t('facts') }), container, problem);
}

async function fill(doc, container, problem) {
  const [stored, pages] = await Promise.all([
    api.getChecklist(doc.id).catch(() => null),
    Promise.all(doc.pages.filter((p) => p.facts).map(async (p) => ({ page: p.page, facts: await api.pageFacts(doc.id, p.page).catch(() => null) }))),
  ]);
  const ticks = new Map((stored?.items ?? []).map((item) => [item.item, item]));
  const line = (key, label, value) => checkLine(doc, key, `${label}: ${value ?? t('notRead')}`, ticks.get(key), problem);
  const sets = new Map();
  for (const { page, facts } of pages.filter((p) => p.facts)) {
    const block = facts.titleBlock ?? {};
    const features = facts.features ?? {};
    const list = (values) => (values?.length ? values.map((v) => v.value).join(', ') : null);
    sets.set(page, el('fieldset', {}, el('legend', { text: `${t('page')} ${page}` }),
      line(`p${page}.material`, t('material'), block.material?.value),
      line(`p${page}.drawing-number`, t('drawingNumber'), block.drawingNumber?.value),
      line(`p${page}.part-name`, t('partName'), block.partName?.value),
      line(`p${page}.units`, t('units'), block.units?.value ? enumWord('units', block.units.value) : null),
      line(`p${page}.tolerance`, t('tolerance'), block.generalTolerance?.value),
      line(`p${page}.threads`, t('threads'), list(features.threads)),
      line(`p${page}.fits`, t('fits'), list(features.fits)),
      line(`p${page}.roughness`, t('roughness'), list(features.roughness))));
  }
  doc.parts.forEach((part, index) => {
    const sheet = part.sheets?.[0] ?? index + 1;
    const set = sets.get(sheet) ?? sets.set(sheet, el('fieldset', {}, el('legend', { text: `${t('part')} ${index + 1}` }))).get(sheet);
    set.append(line(`part${index + 1}.size`, `${t('size')} (${t('part')} ${index + 1})`, partSize(part.estimate)));
  });
  container.replaceChildren(...[...sets.entries()].sort(([a], [b]) => a - b).map(([, set]) => set));
}

function checkLine(doc, key, text, tick, problem) {
  const by = el('small', { className: 'by', text: tickedText(tick) });
  const box = el('input', { type: 'checkbox', name: key, checked: tick?.checked === true });
  box.addEventListener('change', async () => {
    box.disabled = true;
    try {
      const answer = await api.putChecklist(doc.id, key, box.checked, rememberedName() || null);
      by.textContent = tickedText(answer.items.find((item) => item.item === key));
      problem.textContent = '';
    } catch (error) {
      box.checked = !box.checked;
      problem.textContent = `${t('error')}: ${errorWords(error)}`;
    } finally {
      box.disabled = false;
    }
  });
  return el('label', { className: 'check', 'data-outline': `fact:${key}` }, box, el('span', { text }), by);
}

const tickedText = (tick) => (tick?.checked ? (tick.by ? t('checkedBy', { by: tick.by, at: dateTime(tick.at) }) : t('checkedAt', { at: dateTime(tick.at) })) : '');

/** The part's envelope as `show` prints it: ø4 × 33,4 mm. */
export function partSize(estimate) {
  const sizes = [estimate.max_length_mm, estimate.max_width_mm, estimate.max_height_mm].filter((v) => v !== null && v !== undefined).map((v) => number(v, 0, 2));
  if (estimate.max_diameter_mm !== null && estimate.max_diameter_mm !== undefined) sizes.unshift(`ø${number(estimate.max_diameter_mm, 0, 2)}`);
  return sizes.length ? `${sizes.join(' × ')} mm` : null;
}
