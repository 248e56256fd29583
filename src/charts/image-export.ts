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

export function fileNameFor(name: string, extension: string): string {
  const base = name.trim().replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'scenario';
  return `${base}.${extension}`;
}

/** A chart's SVG as a standalone file (white background, sized from its viewBox). */
/**
 * A chart's SVG as a standalone file: white background, the title, and a
 * second line saying what it shows (`caption`: scenario, seed, runs) and when
 * it was exported, so an image read on its own says where it came from.
 */
export function svgText(svg: SVGSVGElement, title: string, caption = ''): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const [, , width, height] = (svg.getAttribute('viewBox') ?? '0 0 520 200').split(/\s+/).map(Number);
  const top = 40;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height + top));
  copy.setAttribute('viewBox', `0 -${top} ${width} ${height + top}`);
  copy.setAttribute('font-family', 'system-ui, sans-serif');
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('x', '0');
  background.setAttribute('y', String(-top));
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height + top));
  background.setAttribute('fill', '#fff');
  copy.prepend(background);
  const heading = document.createElementNS('http://www.w3.org/2000/svg', 'text');
  heading.setAttribute('x', '8');
  heading.setAttribute('y', '-24');
  heading.setAttribute('font-size', '13');
  heading.setAttribute('font-weight', '600');
  heading.textContent = title;
  copy.append(heading);
  const subtitle = document.createElementNS('http://www.w3.org/2000/svg', 'text');
  subtitle.setAttribute('class', 'export-caption');
  subtitle.setAttribute('x', '8');
  subtitle.setAttribute('y', '-8');
  subtitle.setAttribute('font-size', '10');
  subtitle.setAttribute('fill', '#52606d');
  subtitle.textContent = [caption, new Date().toISOString().slice(0, 10)].filter(Boolean).join(' · ');
  copy.append(subtitle);
  return new XMLSerializer().serializeToString(copy);
}

export function exportSvg(svg: SVGSVGElement, title: string, caption = ''): void {
  downloadBlob(fileNameFor(title, 'svg'), new Blob([svgText(svg, title, caption)], { type: 'image/svg+xml' }));
}

export async function exportPng(svg: SVGSVGElement, title: string, caption = '', scale = 2): Promise<void> {
  const text = svgText(svg, title, caption);
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
