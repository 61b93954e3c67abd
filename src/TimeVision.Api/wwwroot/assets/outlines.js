// Features and facts outlined on the page images, and the link both ways: pointing at a line that names an outline
// (data-outline="feature:t1", "fact:p1.material") highlights it, selecting the line also zooms the drawing to it, and
// clicking an outline selects its lines. Boxes are in PDF points, origin top left, in the frame of the page's text
// layer (its facts' widthPt × heightPt); an SVG with that viewBox lies over the image, so it zooms and pans with it.
const svgNs = 'http://www.w3.org/2000/svg';

/**
 * Draws the outlines of one page over its viewer (.viewer[data-page]) in root; items are {key, box, label, kind}
 * (kind "feature" or "fact"). A page whose size is unknown (facts read before it was kept) gets none.
 */
export function drawOutlines(root, page, size, items) {
  const sheet = root.querySelector(`.viewer[data-page="${page}"] .sheet`);
  if (!sheet || !size?.widthPt || !size?.heightPt) return;
  sheet.querySelector('svg.outlines')?.remove();
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('class', 'outlines');
  svg.setAttribute('viewBox', `0 0 ${size.widthPt} ${size.heightPt}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('aria-hidden', 'true');
  for (const item of items.filter((i) => i.box)) {
    const rect = document.createElementNS(svgNs, 'rect');
    const pad = 2;
    rect.setAttribute('class', `outline ${item.kind}`);
    rect.setAttribute('x', item.box.x - pad);
    rect.setAttribute('y', item.box.y - pad);
    rect.setAttribute('width', item.box.width + 2 * pad);
    rect.setAttribute('height', item.box.height + 2 * pad);
    rect.dataset.outline = item.key;
    rect.dataset.part = JSON.stringify({ x: item.box.x / size.widthPt, y: item.box.y / size.heightPt, width: item.box.width / size.widthPt, height: item.box.height / size.heightPt });
    const title = document.createElementNS(svgNs, 'title');
    title.textContent = item.label;
    rect.append(title);
    svg.append(rect);
  }
  sheet.append(svg);
}

/** Links lines and outlines inside root, once (root outlives a reload of the document). */
export function linkOutlines(root) {
  if (root.dataset.outlinesLinked) return;
  root.dataset.outlinesLinked = 'true';
  const lineOf = (target) => target.closest?.('[data-outline]:not(.outline)');
  root.addEventListener('mouseover', (event) => { const line = lineOf(event.target); if (line) mark(root, line.dataset.outline, 'hover'); });
  root.addEventListener('mouseout', (event) => { if (lineOf(event.target)) mark(root, null, 'hover'); });
  root.addEventListener('focusin', (event) => { const line = lineOf(event.target); if (line) mark(root, line.dataset.outline, 'hover'); });
  root.addEventListener('click', (event) => {
    const outline = event.target.closest?.('.outline');
    if (outline) {
      select(root, outline.dataset.outline, false);
      root.querySelector(`[data-outline="${CSS.escape(outline.dataset.outline)}"]:not(.outline)`)?.scrollIntoView({ block: 'nearest' });
      return;
    }
    const line = lineOf(event.target);
    if (line && !event.target.closest('input, select, form')) select(root, line.dataset.outline, true);
  });
}

/** Selects what carries key (lines and outlines), and zooms the drawing to its first outline when asked. */
export function select(root, key, zoom) {
  mark(root, key, 'selected');
  const outline = key ? root.querySelector(`.outline[data-outline="${CSS.escape(key)}"]`) : null;
  if (zoom && outline) outline.closest('.viewer')?.zoomTo(JSON.parse(outline.dataset.part));
}

function mark(root, key, className) {
  for (const element of root.querySelectorAll(`.${className}[data-outline]`)) element.classList.remove(className);
  if (!key) return;
  for (const element of root.querySelectorAll(`[data-outline="${CSS.escape(key)}"]`)) element.classList.add(className);
}
