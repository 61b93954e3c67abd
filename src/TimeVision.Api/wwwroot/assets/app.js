// The page's entry (loaded by boot.js): the language, the model indicator and the views, routed by the address
// (/, /estimates/{id} and the admin's /admin/rates). A view that fails says so in the page instead of leaving it blank.
import { el, clear } from './dom.js';
import { setLanguage, currentLanguage, t } from './i18n.js';
import { renderList } from './list.js';
import { renderDocument } from './document.js';
import { renderModel } from './model.js';
import { renderRates } from './rates.js';

const main = document.getElementById('main');
const language = document.getElementById('language');

function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  route();
}

function route() {
  const match = /^\/estimates\/([^/]+)$/.exec(location.pathname);
  try {
    const rendering = match ? renderDocument(main, decodeURIComponent(match[1]), navigate)
      : location.pathname === '/admin/rates' ? renderRates(main) : renderList(main, navigate);
    Promise.resolve(rendering).catch(failed);
  } catch (error) {
    failed(error);
  }
  main.focus({ preventScroll: true });
}

function failed(error) {
  console.error(error);
  clear(main).append(el('section', { className: 'panel error', role: 'alert', id: 'view-failure' },
    el('p', { text: t('bootFailed') }),
    el('button', { type: 'button', text: t('reload'), onclick: () => window.location.reload() })));
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-nav]');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(link.getAttribute('href'));
});

language.value = currentLanguage();
language.addEventListener('change', () => {
  setLanguage(language.value);
  renderModel(document.getElementById('model'));
  route();
});
window.addEventListener('popstate', route);
setLanguage(currentLanguage());
renderModel(document.getElementById('model'));
route();
