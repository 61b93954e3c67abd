// A short message at the bottom of the screen (the #toast live region): saved, deleted, restored, with an action
// such as undo. It stays until replaced or closed, or a while passes.
import { el, clear, append } from './dom.js';
import { t } from './i18n.js';

const shownMilliseconds = 12000;
let timer = null;

export function toast(message, action = null) {
  const region = document.getElementById('toast');
  clearTimeout(timer);
  // append() skips the missing action; the DOM's own append would write it as the text "null".
  append(clear(region), [el('span', { className: 'message', text: message }),
    action ? el('button', { type: 'button', className: 'secondary', text: action.label, onclick: () => { clear(region); action.run(); } }) : null,
    el('button', { type: 'button', className: 'close', 'aria-label': t('close'), title: t('close'), text: '×', onclick: () => clear(region) })]);
  timer = setTimeout(() => clear(region), shownMilliseconds);
}
