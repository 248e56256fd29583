/** The reusable series chart draws bands, the median, the threshold, a read-out and a table. */
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/charts/series-chart.ts';
import '../../src/charts/stacked-chart.ts';
import type { SeriesChart } from '../../src/charts/series-chart.ts';
import { fileNameFor, svgText } from '../../src/charts/image-export.ts';

const days = 10;
const ramp = (k: number) => Float64Array.from({ length: days }, (_, d) => (d / (days - 1)) * k);
const series = { name: 'a', color: '#1a7f5a', p10: ramp(0.4), p25: ramp(0.6), p50: ramp(0.7), p75: ramp(0.8), p90: ramp(1) };

async function mount(props: Partial<SeriesChart>): Promise<SeriesChart> {
  const chart = document.createElement('qc-series-chart');
  Object.assign(chart, { label: 'Speaking rate', unit: 'share', locale: 'en', series: [series], ...props });
  document.body.append(chart);
  await chart.updateComplete;
  return chart;
}

afterEach(() => document.body.replaceChildren());

describe('qc-series-chart', () => {
  it('draws p10–p90 and p25–p75 bands and the median line', async () => {
    const chart = await mount({});
    const svg = chart.shadowRoot!.querySelector('svg')!;
    expect(svg.querySelectorAll('path.band-outer')).toHaveLength(1);
    expect(svg.querySelectorAll('path.band-inner')).toHaveLength(1);
    const median = svg.querySelector('path.median')!;
    expect(median.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){9}$/);
    // the outer band is taller than the inner one
    const outer = (svg.querySelector('path.band-outer') as SVGPathElement).getBBox();
    const inner = (svg.querySelector('path.band-inner') as SVGPathElement).getBBox();
    expect(outer.height).toBeGreaterThan(inner.height);
    expect(svg.getAttribute('aria-label')).toMatch(/Speaking rate: day 10 of 10 median 70%/);
  });

  it('draws the threshold as a labelled line at its value', async () => {
    const chart = await mount({ threshold: { direction: 'atLeast', value: 0.8, label: '≥ 80 % (§1)', description: 'SMART goal' } });
    const svg = chart.shadowRoot!.querySelector('svg')!;
    const lines = svg.querySelectorAll('line.threshold-line');
    expect(lines).toHaveLength(1);
    const axisZero = Number(svg.querySelector('path.median')!.getAttribute('d')!.match(/^M[\d.]+,([\d.]+)/)![1]);
    const y = Number(lines[0].getAttribute('y1'));
    expect(y).toBeLessThan(axisZero); // above zero
    expect(svg.querySelector('text.threshold-label')!.textContent).toBe('≥ 80 % (§1)');
    expect(chart.shadowRoot!.textContent).toMatch(/SMART goal/);
  });

  it('draws a healthy band for a between threshold', async () => {
    const chart = await mount({ unit: 'perDay', threshold: { direction: 'between', value: 5, upper: 15, label: '5–15 (§5)' } });
    const svg = chart.shadowRoot!.querySelector('svg')!;
    expect(svg.querySelectorAll('rect.healthy-band')).toHaveLength(1);
    expect(svg.querySelectorAll('line.threshold-line')).toHaveLength(2);
  });

  it('reads out a day on hover and with the arrow keys, and offers a table', async () => {
    const chart = await mount({});
    const svg = chart.shadowRoot!.querySelector('svg')!;
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await chart.updateComplete;
    expect(chart.shadowRoot!.querySelector('.readout')!.textContent).toMatch(/day 10 of 10 · 70%/);
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await chart.updateComplete;
    expect(chart.shadowRoot!.querySelector('.readout')!.textContent).toMatch(/day 9 of 10/);
    const box = svg.getBoundingClientRect();
    svg.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + box.width * 0.1, clientY: box.top + 10, bubbles: true }));
    await chart.updateComplete;
    // days are counted from 1, as people count them: the first point is day 1, and so is the first tick
    expect(chart.shadowRoot!.querySelector('.readout')!.textContent).toMatch(/day 1 of 10/);
    expect(svg.querySelector('.axis text')!.textContent).toBe('1');
    expect(svg.querySelector('line.focus')).not.toBeNull();
    (chart.shadowRoot!.querySelector('button.table-toggle') as HTMLButtonElement).click();
    await chart.updateComplete;
    expect(chart.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(days);
    expect(chart.shadowRoot!.querySelector('tbody tr td')!.textContent).toBe('1');
  });

  it('overlays several series (paired comparison)', async () => {
    const chart = await mount({ series: [series, { ...series, name: 'b', color: '#8250df', p50: ramp(0.5) }] });
    expect(chart.shadowRoot!.querySelectorAll('path.median')).toHaveLength(2);
  });

  it('updates in place: the same elements move to new data, a new series enters, a gone one and a dropped goal leave', async () => {
    const chart = await mount({ threshold: { direction: 'atLeast', value: 0.3, label: '≥ 30 %' } });
    const svg = chart.shadowRoot!.querySelector('svg')!;
    const median = svg.querySelector('path.median')!;
    const band = svg.querySelector('path.band-outer')!;
    const axis = svg.querySelector('.axis')!;
    const before = median.getAttribute('d');
    chart.series = [{ ...series, p50: ramp(0.2) }];
    await chart.updateComplete;
    expect(svg.querySelector('path.median')).toBe(median);
    expect(svg.querySelector('path.band-outer')).toBe(band);
    expect(svg.querySelector('.axis')).toBe(axis);
    expect(median.getAttribute('d')).not.toBe(before);
    chart.series = [{ ...series, p50: ramp(0.2) }, { ...series, name: 'b', dash: '4 3' }];
    await chart.updateComplete;
    expect(svg.querySelectorAll('path.median')).toHaveLength(2);
    expect(svg.querySelector('path.median')).toBe(median);
    expect(svg.querySelector('path.ghost')!.getAttribute('stroke-dasharray')).toBe('4 3');
    chart.series = [series];
    chart.threshold = null;
    await chart.updateComplete;
    expect(svg.querySelectorAll('path.median')).toHaveLength(1);
    expect(svg.querySelector('line.threshold-line')).toBeNull();
    // the goal comes back under the data, not on top of it
    chart.threshold = { direction: 'atLeast', value: 0.3, label: '≥ 30 %' };
    await chart.updateComplete;
    const layers = [...svg.children].map((g) => g.getAttribute('data-mark'));
    expect(layers).toEqual(['layer-goal', 'layer-data', 'layer-axes', 'layer-focus']);
    expect(svg.querySelector('[data-mark="layer-goal"] line.threshold-line')).not.toBeNull();
    // moving the focus touches only the focus rule
    svg.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await chart.updateComplete;
    expect(svg.querySelectorAll('line.focus')).toHaveLength(1);
    expect(svg.querySelector('path.median')).toBe(median);
    svg.dispatchEvent(new FocusEvent('blur'));
    await chart.updateComplete;
    expect(svg.querySelector('line.focus')).toBeNull();
  });

  it('formats numbers for the locale', async () => {
    const chart = await mount({ locale: 'zh-CN' });
    expect(chart.shadowRoot!.querySelector('button.table-toggle')!.textContent!.trim()).toBe('以表格显示');
  });
});

describe('chart images', () => {
  it('name compared scenarios in the exported legend, and file names keep only letters, digits and dashes', async () => {
    const chart = await mount({ series: [{ ...series, name: 'A: 知识分享' }, { ...series, name: 'B: over-marketing', color: '#8250df' }] });
    const text = svgText(chart.shadowRoot!.querySelector('svg')!, 'Speaking rate', { caption: 'seed 1', xTitle: 'day', legend: [{ label: 'A: 知识分享', color: '#1a7f5a', kind: 'line' }, { label: 'B: over-marketing', color: '#8250df', kind: 'dash' }] });
    expect(text).toContain('>A: 知识分享</text>');
    expect(text).toMatch(/<line[^>]*stroke="#8250df"[^>]*stroke-dasharray="5 4"/);
    expect(text).toMatch(/viewBox="0 -40 \d+ \d+"/);
    expect(fileNameFor('成员发言率 (30 日)', 'svg')).toBe('成员发言率-30-日.svg');
    expect(fileNameFor('Speaking rate (30 d)', 'png')).toBe('Speaking-rate-30-d.png');
    expect(fileNameFor('../../etc/passwd', 'json')).toBe('etc-passwd.json');
    expect(fileNameFor('（）', 'csv')).toBe('scenario.csv');
  });
});

describe('qc-stacked-chart', () => {
  it('stacks its layers', async () => {
    const chart = document.createElement('qc-stacked-chart');
    chart.layers = [{ name: 'core', color: '#000', values: ramp(3) }, { name: 'lurker', color: '#999', values: ramp(5) }];
    document.body.append(chart);
    await chart.updateComplete;
    expect(chart.shadowRoot!.querySelectorAll('path.layer')).toHaveLength(2);
    expect(chart.shadowRoot!.querySelectorAll('li')).toHaveLength(2);
  });
});
