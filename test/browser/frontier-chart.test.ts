/** The hours–chance curve: numbered points, a budget line, readable type on a phone. */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'lit';
import { frontierChart, pointMark } from '../../src/charts/frontier-chart.ts';

afterEach(() => document.body.replaceChildren());

const points = [
  { hours: 6.2, chance: 0.32, interval: [0.26, 0.37] as const },
  { hours: 7.1, chance: 0.34, interval: [0.29, 0.4] as const },
  { hours: 7.7, chance: 0.4, interval: [0.34, 0.46] as const },
];
const current = { hours: 8.9, chance: 0.01, interval: [0, 0.03] as const, current: true };
const labels = { title: 'Curve', x: 'Team hours per week', y: 'Share of runs meeting every goal', percent: (v: number) => `${Math.round(v * 100)}%`, budget: 'budget 10 h' };

function draw(width: number, options: Parameters<typeof frontierChart>[3]) {
  const host = document.createElement('div');
  host.style.width = `${width}px`;
  document.body.append(host);
  render(frontierChart(points, current, labels, options), host);
  const svg = host.querySelector('svg')!;
  svg.style.width = '100%';
  return svg;
}

describe('the frontier chart', () => {
  it('numbers its points ①②③, as the table does', () => {
    const svg = draw(500, {});
    expect([...svg.querySelectorAll('text.mark')].map((t) => t.textContent)).toEqual(['①', '②', '③']);
    expect(pointMark(19)).toBe('⑳');
    expect(pointMark(20)).toBe('21');
    expect(svg.querySelector('.budget')).toBeNull();
  });

  it('draws the goal seek\'s budget as a line, the axis stretched to it', () => {
    const svg = draw(500, { budget: 10 });
    expect(svg.querySelector('.budget text')!.textContent).toBe('budget 10 h');
    const line = svg.querySelector('.budget line')!.getBoundingClientRect();
    const ring = svg.querySelector('circle.current')!.getBoundingClientRect();
    expect(line.left).toBeGreaterThan(ring.right);
  });

  it('on a phone (about 330 px wide) sets every label in type of at least 12 px', () => {
    const svg = draw(330, { narrow: true });
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    for (const text of svg.querySelectorAll('text')) {
      expect(Number(text.getAttribute('font-size')) * scale, text.textContent!).toBeGreaterThanOrEqual(12);
    }
    // the y axis' name is level, above the plot, and fits in the drawing
    const title = [...svg.querySelectorAll('text.axis-title')].find((t) => t.textContent === labels.y)!;
    expect(title.getAttribute('transform')).toBeNull();
    expect(title.getBoundingClientRect().right).toBeLessThanOrEqual(svg.getBoundingClientRect().right);
  });
});
