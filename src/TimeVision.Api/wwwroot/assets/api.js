// The HTTP API, as the Functions app and `timevision serve` both answer it. Errors come back as
// {"error": {"code", "message", "correlationId", "params"}}; ApiError carries them to the page, which words them by code.
import { isSignInOff, showSignInNotice } from './signin.js';

export class ApiError extends Error {
  constructor(status, code, message, correlationId, body, params = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.params = params;
    this.correlationId = correlationId;
    this.body = body;
  }
}

async function send(method, path, { body, headers = {}, allow = [] } = {}) {
  const response = await fetch(path, {
    method,
    body,
    credentials: 'same-origin',
    headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json', ...headers },
  });
  if (response.ok || allow.includes(response.status)) return response;
  let error = null;
  try {
    error = await response.json();
  } catch {
    // Not JSON: an error page of a proxy, say.
  }
  const detail = error?.error;
  const failure = new ApiError(response.status, detail?.code ?? `http_${response.status}`, detail?.message ?? response.statusText, detail?.correlationId, error, detail?.params ?? {});
  if (isSignInOff(failure)) showSignInNotice();
  throw failure;
}

const json = (response) => (response.status === 204 ? null : response.json());
const id = (value) => encodeURIComponent(value);

export async function upload(file) {
  const response = await send('POST', `/api/estimates?name=${encodeURIComponent(file.name)}`, {
    body: file,
    headers: { 'Content-Type': 'application/pdf' },
  });
  return response.json();
}

/** The document (status 200) or its progress while it runs (status 202). */
export async function getEstimate(documentId) {
  const response = await send('GET', `/api/estimates/${id(documentId)}`);
  return { status: response.status, etag: response.headers.get('ETag'), body: await response.json() };
}

export async function listEstimates(filters) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  return json(await send('GET', `/api/estimates?${query}`));
}

export const deleteEstimate = async (documentId) => json(await send('DELETE', `/api/estimates/${id(documentId)}`));
export const restoreEstimate = async (documentId) => json(await send('POST', `/api/estimates/${id(documentId)}/restore`));
export const purgeEstimate = async (documentId) => json(await send('POST', `/api/estimates/${id(documentId)}/purge`));
export const retryEstimate = async (documentId) => json(await send('POST', `/api/estimates/${id(documentId)}/retry`));
export const pageImageUrl = (documentId, page) => `/api/estimates/${id(documentId)}/pages/${page}/image`;

export async function pageFacts(documentId, page) {
  const response = await send('GET', `/api/estimates/${id(documentId)}/pages/${page}/facts`, { allow: [404] });
  return response.status === 404 ? null : response.json();
}

/** Feedback with the document's ETag: a 409 means someone saved first and nothing was written. */
export async function putFeedback(documentId, etag, feedback) {
  const response = await send('PUT', `/api/estimates/${id(documentId)}/feedback`, {
    body: JSON.stringify(feedback),
    headers: { 'Content-Type': 'application/json', 'If-Match': etag },
  });
  return response.json();
}

export const modelInfo = async () => json(await send('GET', '/api/model-info'));

/** What this caller may do: {"role": "admin"|"estimator"}. */
export const caller = async () => json(await send('GET', '/api/caller'));

export const getChecklist = async (documentId) => json(await send('GET', `/api/estimates/${id(documentId)}/checklist`));

/** Ticks or clears one line of the document's facts checklist; the checklist as stored. */
export async function putChecklist(documentId, item, checked, enteredBy) {
  return json(await send('PUT', `/api/estimates/${id(documentId)}/checklist`, {
    body: JSON.stringify({ item, checked, enteredBy }),
    headers: { 'Content-Type': 'application/json' },
  }));
}

export async function activateModel(model) {
  return json(await send('POST', '/api/model/activate', { body: JSON.stringify({ model }), headers: { 'Content-Type': 'application/json' } }));
}

/** Similar past parts, once the learning feature serves them; null when this server has none. */
export async function similarParts(documentId) {
  const response = await send('GET', `/api/estimates/${id(documentId)}/similar`, { allow: [404, 405] });
  return response.ok ? response.json() : null;
}

/** The document's price for `quantities` with the rates in use (GET …/quote?qty=1,10,…). */
export const getQuote = async (documentId, quantities) =>
  json(await send('GET', `/api/estimates/${id(documentId)}/quote?qty=${quantities.join(',')}`));

/** Freezes the quote for `quantities` as a price set, by `enteredBy` (the host's vouched caller wins); the frozen quote (201). */
export async function freezeQuote(documentId, quantities, enteredBy) {
  const by = enteredBy ? `?enteredBy=${encodeURIComponent(enteredBy)}` : '';
  return json(await send('POST', `/api/estimates/${id(documentId)}/quotes${by}`, {
    body: JSON.stringify({ quantities }),
    headers: { 'Content-Type': 'application/json' },
  }));
}

/** The document's frozen quotes, oldest first. */
export const listQuotes = async (documentId) => json(await send('GET', `/api/estimates/${id(documentId)}/quotes`));

/**
 * A frozen quote as a file: the PDF offer (`application/pdf`, `?lang=`) or the ERP's CSV (`text/csv`), which the API
 * answers by the Accept header; the file's blob and the name the server gives it.
 */
export async function frozenQuoteFile(documentId, quoteId, type, query = {}) {
  const search = new URLSearchParams(query).toString();
  const response = await send('GET', `/api/estimates/${id(documentId)}/quotes/${id(quoteId)}${search ? `?${search}` : ''}`, { headers: { Accept: type } });
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1];
  return { blob: await response.blob(), name };
}

/** The shop's rates in use and their ETag (none while the defaults are in use). Admin only. */
export async function getRates() {
  const response = await send('GET', '/api/rates');
  return { etag: response.headers.get('ETag'), body: await response.json() };
}

/** Stores the rates as a new version over the one `etag` names (none over the defaults); 409 when another came first. */
export async function putRates(rates, etag) {
  const response = await send('PUT', '/api/rates', {
    body: JSON.stringify(rates),
    headers: { 'Content-Type': 'application/json', ...(etag ? { 'If-Match': etag } : {}) },
  });
  return { etag: response.headers.get('ETag'), body: await response.json() };
}

/** The estimate's process plan and its features ({id, etag, features, plan, headline}); 404 no_plan says why there is none. */
export const getPlan = async (documentId) => json(await send('GET', `/api/estimates/${id(documentId)}/plan`));

/** The estimator's features with the plan's ETag; the new plan and ETag, or 412 stale_token when the estimate changed. */
export async function putFeatures(documentId, etag, features, enteredBy) {
  const by = enteredBy ? `?enteredBy=${encodeURIComponent(enteredBy)}` : '';
  return json(await send('PUT', `/api/estimates/${id(documentId)}/features${by}`, {
    body: JSON.stringify(features),
    headers: { 'Content-Type': 'application/json', 'If-Match': etag },
  }));
}

/** The estimator's word that the plan read with this ETag is right. */
export async function acceptPlan(documentId, etag, enteredBy) {
  const by = enteredBy ? `?enteredBy=${encodeURIComponent(enteredBy)}` : '';
  return json(await send('POST', `/api/estimates/${id(documentId)}/plan/accept${by}`, { headers: { 'If-Match': etag } }));
}

/** Plans the stored features again with the shop's cutting data and work centres in use (no model call). */
export async function replan(documentId, etag) {
  return json(await send('POST', `/api/estimates/${id(documentId)}/plan/replan`, { headers: { 'If-Match': etag } }));
}
