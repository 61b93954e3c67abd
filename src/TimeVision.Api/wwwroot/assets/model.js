// The model indicator: the active model, fine-tuned or not, a one-line notice when it retires soon (hidden until
// tomorrow on request), and, for the admin only, the candidates, activation, the training download and the link to
// the rates and work centres (/admin/rates).
import { el, clear, append } from './dom.js';
import { t, date, daysLeftText } from './i18n.js';
import { isAdmin } from './people.js';
import { errorWords } from './words.js';
import * as api from './api.js';

const warnDays = 60;
const hiddenKey = 'timevision.retirementHidden';

export async function renderModel(container) {
  let info;
  try {
    info = await api.modelInfo();
  } catch {
    clear(container);
    return;
  }
  const admin = await isAdmin();
  append(clear(container), [
    el('span', { id: 'active-model', text: `${t('activeModel')}: ${info.activeModel} (${info.fineTuned ? t('fineTuned') : t('baseModel')})` }),
    retirement(info),
    admin ? adminBits(info, container) : null]);
}

/** Today in the browser's own calendar: the notice hidden today shows again tomorrow. */
const today = () => new Date().toLocaleDateString('sv-SE');

function retirement(info) {
  const days = info.daysLeft;
  if (days === null || days === undefined || days > warnDays || localStorage.getItem(hiddenKey) === today()) return null;
  const text = days < 0
    ? t('retired', { model: info.activeModel, date: date(info.retiresOn) })
    : t('retires', { model: info.activeModel, date: date(info.retiresOn), left: daysLeftText(days) });
  const notice = el('span', { className: 'retiring', id: 'retiring', role: 'status' }, el('span', { text }));
  notice.append(el('button', { type: 'button', className: 'dismiss', 'aria-label': t('dismiss'), title: t('dismiss'), text: '×', onclick: () => {
    localStorage.setItem(hiddenKey, today());
    notice.remove();
  } }));
  return notice;
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
        problem.textContent = `${t('error')}: ${errorWords(error)}`;
      }
    } }));
  });
  return el('details', { className: 'admin', id: 'admin' },
    el('summary', { text: t('admin') }),
    el('h2', { text: t('candidates') }),
    candidates.length ? el('ul', {}, ...candidates) : el('p', { text: '–' }),
    el('p', {}, el('a', { href: '/api/training/export', download: 'timevision-training.zip', text: t('export') })),
    el('p', {}, el('a', { href: '/admin/rates', 'data-nav': true, id: 'rates-link', text: t('ratesTitle') })),
    problem);
}
