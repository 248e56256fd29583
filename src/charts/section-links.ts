/**
 * Playbook references as links: in any text, each "§n" (a playbook section,
 * not "MODEL §…" / "模型 §…", which are the model's documentation) becomes a
 * link-styled button that opens the playbook at that section — it fires
 * `playbook-open` (detail: "§n"; bubbles, crosses shadow roots) for the app to
 * handle. Used by the charts, the scorecard, the editor and the lessons.
 */
import { css, html, type TemplateResult } from 'lit';

function open(event: Event, section: string): void {
  event.currentTarget?.dispatchEvent(new CustomEvent('playbook-open', { detail: section, bubbles: true, composed: true }));
}

/**
 * `tabbable: false` keeps the links out of the Tab order where there would be
 * dozens of them (the editor's ~60 fields); the playbook stays one Tab stop
 * away in the header.
 */
export function withSectionLinks(text: string, { tabbable = true } = {}): (string | TemplateResult)[] {
  const parts: (string | TemplateResult)[] = [];
  let last = 0;
  for (const match of text.matchAll(/(MODEL |模型 )?§(\d)(?:\.\d+)?/g)) {
    if (match[1]) continue;
    const section = `§${match[2]}`;
    parts.push(text.slice(last, match.index));
    parts.push(html`<button type="button" class="section-link" tabindex=${tabbable ? 0 : -1} @click=${(e: Event) => open(e, section)}>${match[0]}</button>`);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

/** The look of a section link (include in the component's styles). */
export const sectionLinkStyles = css`
  .section-link { font: inherit; color: var(--qc-link); background: none; border: none; padding: 0; text-decoration: underline; text-underline-offset: 2px; cursor: pointer; }
  .section-link:focus-visible { outline: 2px solid var(--qc-focus); outline-offset: 1px; }
  @media print { .section-link { color: inherit; text-decoration: none; } }
`;
