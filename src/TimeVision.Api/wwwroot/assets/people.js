// Who is at this browser, as far as the page knows: the caller's role from the server (admin or estimator) and the
// name last typed as "Kdo", kept in the browser so it is not cleared by a save or a reload.
import * as api from './api.js';

let role = null;

/** Whether the caller is the admin; the server refuses the admin's actions to anyone else whatever the page shows. */
export function isAdmin() {
  role ??= api.caller().then((answer) => answer?.role === 'admin').catch(() => false);
  return role;
}

const nameKey = 'timevision.enteredBy';

export const rememberedName = () => localStorage.getItem(nameKey) ?? '';

export function rememberName(name) {
  if (name.trim()) localStorage.setItem(nameKey, name.trim());
}
