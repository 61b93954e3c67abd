// A deployment without sign-in answers every API call 401 sign_in_not_configured (platform_sign_in_off when the
// platform's sign-in is expected but not on). The page then says once, above everything, how to turn sign-in on.
import { el } from './dom.js';
import { t } from './i18n.js';

const codes = new Set(['sign_in_not_configured', 'platform_sign_in_off']);

/** Whether an API error means no one can sign in to this deployment. */
export const isSignInOff = (error) => error?.status === 401 && codes.has(error.code);

/** Shows the notice above the page, once. */
export function showSignInNotice() {
  if (document.getElementById('sign-in-off')) return;
  const notice = el('section', { id: 'sign-in-off', className: 'panel error', role: 'alert' },
    el('h2', { 'data-i18n': 'signInOffTitle', text: t('signInOffTitle') }),
    el('p', { 'data-i18n': 'signInOff', text: t('signInOff') }),
    el('pre', {}, el('code', { text: 'azd env set AUTH_CLIENT_ID <client id>\nazd provision' })));
  document.getElementById('main').before(notice);
}
