// A page image with zoom and pan: buttons, the mouse wheel, dragging, and the keyboard (+, −, 0, arrows). The image
// sits in a sheet that also holds the outlines drawn over it (outlines.js), so they zoom and pan with the drawing.
import { el } from './dom.js';
import { t } from './i18n.js';

export function pageViewer(src, label, page = null) {
  let scale = 1;
  let x = 0;
  let y = 0;
  const image = el('img', { src, alt: label, draggable: 'false' });
  const sheet = el('div', { className: 'sheet' }, image);
  const stage = el('div', { className: 'stage', tabindex: '0', role: 'img', 'aria-label': `${label}. ${t('viewerHelp')}` }, sheet);
  const apply = () => { sheet.style.transform = `translate(${x}px, ${y}px) scale(${scale})`; };
  const zoom = (factor) => { scale = Math.min(8, Math.max(0.5, scale * factor)); apply(); };
  const reset = () => { scale = 1; x = 0; y = 0; apply(); };
  stage.addEventListener('wheel', (event) => { event.preventDefault(); zoom(event.deltaY < 0 ? 1.2 : 1 / 1.2); }, { passive: false });
  stage.addEventListener('pointerdown', (event) => {
    if (event.target.closest?.('.outline')) return;   // a click on an outline selects it; it does not start a drag
    stage.setPointerCapture(event.pointerId);
    const start = { px: event.clientX, py: event.clientY, x, y };
    const move = (moved) => { x = start.x + moved.clientX - start.px; y = start.y + moved.clientY - start.py; apply(); };
    const up = () => { stage.removeEventListener('pointermove', move); stage.removeEventListener('pointerup', up); };
    stage.addEventListener('pointermove', move);
    stage.addEventListener('pointerup', up);
  });
  stage.addEventListener('keydown', (event) => {
    const step = 40;
    const keys = { '+': () => zoom(1.2), '=': () => zoom(1.2), '-': () => zoom(1 / 1.2), 0: reset,
      ArrowLeft: () => { x += step; apply(); }, ArrowRight: () => { x -= step; apply(); },
      ArrowUp: () => { y += step; apply(); }, ArrowDown: () => { y -= step; apply(); } };
    if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
  });
  const tools = el('div', { className: 'tools' },
    el('button', { type: 'button', 'aria-label': t('zoomIn'), title: t('zoomIn'), text: '+', onclick: () => zoom(1.25) }),
    el('button', { type: 'button', 'aria-label': t('zoomOut'), title: t('zoomOut'), text: '−', onclick: () => zoom(0.8) }),
    el('button', { type: 'button', text: t('fit'), onclick: reset }));
  const figure = el('figure', { className: 'viewer', 'data-page': page }, tools, stage, el('figcaption', { text: label }));
  /**
   * Zooms so that a part of the sheet, given as fractions of its width and height ({x, y, width, height}, 0–1), fills
   * about a third of the stage, centred; the sheet's transform origin is its top centre.
   */
  figure.zoomTo = (part) => {
    const width = sheet.offsetWidth;
    const height = sheet.offsetHeight;
    if (!width || !height) return;
    const box = { x: part.x * width, y: part.y * height, width: Math.max(part.width * width, 1), height: Math.max(part.height * height, 1) };
    scale = Math.min(4, Math.max(1, Math.min(stage.clientWidth / (box.width * 3), stage.clientHeight / (box.height * 3))));
    x = -(box.x + box.width / 2 - width / 2) * scale;
    y = stage.clientHeight / 2 - (box.y + box.height / 2) * scale;
    apply();
  };
  return figure;
}
