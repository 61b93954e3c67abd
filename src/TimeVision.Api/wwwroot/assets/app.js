// The page's entry: the language, the model indicator and the two views, routed by the address (/ and /estimates/{id}).
import { setLanguage, currentLanguage } from './i18n.js';
import { renderList } from './list.js';
import { renderDocument } from './document.js';
import { renderModel } from './model.js';

const main = document.getElementById('main');
const language = document.getElementById('language');

function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  route();
}

function route() {
  const match = /^\/estimates\/([^/]+)$/.exec(location.pathname);
  if (match) renderDocument(main, decodeURIComponent(match[1]), navigate);
  else renderList(main, navigate);
  main.focus({ preventScroll: true });
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
