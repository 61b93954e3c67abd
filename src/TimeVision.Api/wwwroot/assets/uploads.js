// Upload: drop or pick several PDFs; each is checked here (its type, its first bytes) and on the server, and each
// line follows its document until it is estimated. A single PDF opens at once.
import { el } from './dom.js';
import { t, enumWord, minutes } from './i18n.js';
import { errorWords } from './words.js';
import { follow, onRunning } from './running.js';
import * as api from './api.js';

export function uploadPanel(navigate) {
  const results = el('ul', { className: 'uploads', id: 'uploads', 'aria-live': 'polite' });
  const input = el('input', { type: 'file', id: 'files', accept: 'application/pdf,.pdf', multiple: true, className: 'visually-hidden' });
  const zone = el('div', { className: 'dropzone', id: 'dropzone' },
    el('p', { text: t('uploadHint') }),
    el('label', { for: 'files', className: 'button', text: t('pick') }),
    input);
  input.addEventListener('change', () => uploadAll([...input.files], results, navigate));
  zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('over');
    uploadAll([...event.dataTransfer.files], results, navigate);
  });
  return el('section', { 'aria-labelledby': 'upload-title', className: 'panel upload' }, el('h2', { id: 'upload-title', text: t('upload') }), zone, results);
}

async function uploadAll(files, results, navigate) {
  const outcomes = await Promise.all(files.map((file) => uploadOne(file, results)));
  const opened = outcomes.filter(Boolean);
  if (files.length === 1 && opened.length === 1) navigate(`/estimates/${opened[0]}`);
}

/** Checks and uploads one file; the document id when it went in. */
async function uploadOne(file, results) {
  const status = el('span', { className: 'status', text: t('uploading') });
  const line = el('li', {}, el('span', { className: 'name', text: file.name }), ' ', status);
  results.append(line);
  const problem = await check(file);
  if (problem) {
    fail(line, status, problem);
    return null;
  }

  try {
    const answer = await api.upload(file);
    status.textContent = t({ started: 'started', already_estimated: 'alreadyEstimated', in_progress: 'inProgress' }[answer.status] ?? 'started');
    line.append(' ', el('a', { href: `/estimates/${answer.id}`, 'data-nav': true, text: t('open') }));
    if (answer.status !== 'already_estimated') followOnLine(answer.id, file.name, status);
    return answer.id;
  } catch (error) {
    fail(line, status, errorWords(error));
    return null;
  }
}

/** The line says how far its document got, then how it ended, with its current figure. */
function followOnLine(id, fileName, status) {
  const stop = onRunning((reported, answer) => {
    if (reported !== id) return;
    if (!status.isConnected) {
      stop();
      return;
    }
    const progress = answer?.body?.progress;
    if (answer?.status === 202) {
      status.textContent = progress?.pageCount > 0
        ? t('uploadPages', { done: progress.pagesEstimated ?? 0, of: progress.pageCount })
        : t('uploadRunning', { stage: enumWord('stage', progress?.stage ?? 'inspecting') });
      return;
    }
    stop();
    const doc = answer?.body;
    if (doc) status.textContent = t('uploadDone', { status: enumWord('status', doc.status), minutes: minutes(doc.figures?.current) ?? t('noFigure') });
  });
  follow(id, fileName);
}

function fail(line, status, message) {
  line.classList.add('error');
  status.textContent = message;
  status.setAttribute('role', 'alert');
}

/** What is wrong with a file before it is sent: its type or its first bytes. The server checks the size and the rest. */
async function check(file) {
  if (file.type && file.type !== 'application/pdf') return t('wrongType', { type: file.type });
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  return String.fromCharCode(...head) === '%PDF-' ? null : t('notPdf');
}
