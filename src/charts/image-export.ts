/** Downloads, and charts as standalone SVG and PNG files. */

export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a title: letters and digits of any script, '.', '_' and '-' (no brackets, spaces or path characters). */
export function fileNameFor(name: string, extension: string): string {
  const base = name.trim().replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/-{2,}/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 60) || 'scenario';
  return `${base}.${extension}`;
}

/** One entry of a chart's legend: a line (dashed or not) or a filled swatch, in a colour. */
export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  readonly kind: 'line' | 'dash' | 'swatch';
  readonly opacity?: number;
}

/** What an exported image says beside its marks: the line under the title, the x-axis title, the legend. */
export interface ImageText {
  readonly caption?: string;
  readonly xTitle?: string;
  readonly legend?: readonly LegendEntry[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgElement(tag: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Legend entries laid out in rows across `width` (text widths estimated: CJK characters count double). */
function legendRows(entries: readonly LegendEntry[], width: number): { entry: LegendEntry; x: number; row: number }[] {
  const placed: { entry: LegendEntry; x: number; row: number }[] = [];
  let x = 8;
  let row = 0;
  for (const entry of entries) {
    const textWidth = [...entry.label].reduce((sum, c) => sum + (c.charCodeAt(0) > 0x2e80 ? 10 : 5.6), 0);
    const span = 22 + textWidth + 14;
    if (x + span > width && x > 8) {
      row += 1;
      x = 8;
    }
    placed.push({ entry, x, row });
    x += span;
  }
  return placed;
}

/**
 * A chart's SVG as a standalone file: white background, the title, a second
 * line saying what it shows (scenario, seed, runs) and when it was exported,
 * and under the chart its x-axis title and legend (drawn as HTML on screen),
 * so an image read on its own says what it is and where it came from.
 */
export function svgText(svg: SVGSVGElement, title: string, text: ImageText = {}): string {
  const { caption = '', xTitle = '', legend = [] } = text;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const [, , width, height] = (svg.getAttribute('viewBox') ?? '0 0 520 200').split(/\s+/).map(Number);
  const top = 40;
  const placed = legendRows(legend, width);
  const rows = placed.length ? placed[placed.length - 1].row + 1 : 0;
  const bottom = (xTitle ? 16 : 0) + rows * 16 + (rows ? 6 : 0);
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height + top + bottom));
  copy.setAttribute('viewBox', `0 -${top} ${width} ${height + top + bottom}`);
  copy.setAttribute('font-family', 'system-ui, sans-serif');
  copy.prepend(svgElement('rect', { x: 0, y: -top, width, height: height + top + bottom, fill: '#fff' }));
  let y = height;
  if (xTitle) {
    copy.append(svgElement('text', { class: 'export-x-title', x: width / 2, y: y + 4, 'text-anchor': 'middle', 'font-size': 10, fill: '#52606d' }, xTitle));
    y += 16;
  }
  const legendGroup = svgElement('g', { class: 'export-legend', 'font-size': 10, fill: '#52606d' });
  for (const { entry, x, row } of placed) {
    const base = y + 4 + row * 16;
    if (entry.kind === 'swatch') legendGroup.append(svgElement('rect', { x, y: base - 8, width: 16, height: 9, fill: entry.color, opacity: entry.opacity ?? 1 }));
    else legendGroup.append(svgElement('line', { x1: x, x2: x + 16, y1: base - 4, y2: base - 4, stroke: entry.color, 'stroke-width': 2, ...(entry.kind === 'dash' ? { 'stroke-dasharray': '5 4' } : {}) }));
    legendGroup.append(svgElement('text', { x: x + 22, y: base }, entry.label));
  }
  if (placed.length) copy.append(legendGroup);
  copy.append(svgElement('text', { x: 8, y: -24, 'font-size': 13, 'font-weight': 600 }, title));
  copy.append(svgElement('text', { class: 'export-caption', x: 8, y: -8, 'font-size': 10, fill: '#52606d' }, [caption, new Date().toISOString().slice(0, 10)].filter(Boolean).join(' · ')));
  return new XMLSerializer().serializeToString(copy);
}

export function exportSvg(svg: SVGSVGElement, title: string, text: ImageText = {}): void {
  downloadBlob(fileNameFor(title, 'svg'), new Blob([svgText(svg, title, text)], { type: 'image/svg+xml' }));
}

export async function exportPng(svg: SVGSVGElement, title: string, imageText: ImageText = {}, scale = 2): Promise<void> {
  const text = svgText(svg, title, imageText);
  const image = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = image.width * scale;
    canvas.height = image.height * scale;
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the chart could not be encoded as PNG');
    downloadBlob(fileNameFor(title, 'png'), blob);
  } finally {
    URL.revokeObjectURL(url);
  }
}
