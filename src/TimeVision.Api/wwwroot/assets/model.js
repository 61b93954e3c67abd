// The model indicator: the active model, fine-tuned or not, a warning when it retires soon, and the admin bits.
import { el, clear, append } from './dom.js';
import { t, date } from './i18n.js';
import * as api from './api.js';

const warnDays = 60;

export async function renderModel(container) {
  let info;
  try {
    info = await api.modelInfo();
  } catch {
    clear(container);
    return;
  }
  const retiring = info.daysLeft !== null && info.daysLeft !== undefined && info.daysLeft <= warnDays;
  append(clear(container), [
    el('span', { id: 'active-model', text: `${t('activeModel')}: ${info.activeModel} (${info.fineTuned ? t('fineTuned') : t('baseModel')})` }),
    retiring ? el('span', { className: 'retiring', role: 'status', text: t('retires', { model: info.activeModel, date: date(info.retiresOn), days: info.daysLeft }) }) : null,
    adminBits(info, container)]);
}

function adminBits(info, container) {
  const problem = el('p', { className: 'error', role: 'alert' });
  const candidates = (info.candidates ?? []).map((candidate) => {
    const id = typeof candidate === 'string' ? candidate : candidate.model ?? candidate.id;
    return el('li', {}, el('span', { text: id }), ' ', el('button', { type: 'button', text: t('activate'), onclick: async () => {
      try {
        await api.activateModel(id);
        renderModel(container);
      } catch (error) {
        problem.textContent = `${t('error')}: ${error.message}`;
      }
    } }));
  });
  return el('details', { className: 'admin' },
    el('summary', { text: t('admin') }),
    el('h2', { text: t('candidates') }),
    candidates.length ? el('ul', {}, ...candidates) : el('p', { text: '–' }),
    el('p', {}, el('a', { href: '/api/training/export', download: 'timevision-training.zip', text: t('export') })),
    problem);
}
