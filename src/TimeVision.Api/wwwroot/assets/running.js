// The documents this page uploaded that are still being estimated: each is followed (GET /api/estimates/{id} every
// second) until it is stored; the list shows them at its top meanwhile and loads again as each one finishes.
import * as api from './api.js';

const pollMilliseconds = 1000;
const documents = new Map();
const listeners = new Set();

/** The documents still running, newest first: {id, fileName, progress}. */
export const runningDocuments = () => [...documents.values()].reverse();

/** Calls <listener> with (id, answer) whenever a followed document reports progress (answer.status 202) or is stored (200). */
export function onRunning(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Follows a document until it is stored. */
export function follow(id, fileName) {
  if (documents.has(id)) return;
  documents.set(id, { id, fileName, progress: null });
  poll(id);
}

async function poll(id) {
  let answer;
  try {
    answer = await api.getEstimate(id);
  } catch {
    answer = null;
  }
  if (answer?.status === 202) {
    documents.get(id).progress = answer.body.progress;
    setTimeout(() => poll(id), pollMilliseconds);
  } else {
    documents.delete(id);
  }
  for (const listener of listeners) listener(id, answer);
}
