/**
 * The lab's colours, once: CSS custom properties on the document's root, which
 * every component's shadow styles read (`var(--qc-muted)`; custom properties
 * inherit into shadow trees). A page or a print stylesheet can re-theme the lab
 * by setting them. Below both `ui/` and `charts/`; SVG marks that leave the page
 * as images keep their own palette (charts/marks.ts), as a file cannot read the
 * page's properties.
 */
import { unsafeCSS, type CSSResult } from 'lit';

export const THEME = {
  /** Text. */
  ink: '#1d2733',
  text: '#3e4c59',
  muted: '#52606d',
  ghost: '#6e7781',
  /** The lab's green: the accent of controls, and the header's dark green. */
  accent: '#1a7f5a',
  brand: '#0f3d2e',
  /** Focus rings and links. */
  focus: '#1f6feb',
  link: '#0b5cad',
  /** Surfaces and lines. */
  surface: '#fff',
  'on-dark': '#fff',
  subtle: '#f6f8fa',
  border: '#d9e0e7',
  rule: '#eef1f4',
  'control-border': '#b8c2cc',
  /** Panel edges on paper. */
  'print-border': '#999',
  /** States: a problem, a warning, done. */
  danger: '#a40e26',
  'error-bg': '#ffebe9',
  'warn-text': '#7d4e00',
  'warn-bg': '#fff8c5',
  'warn-border': '#bf8700',
  'ok-text': '#116329',
  'ok-bg': '#dafbe1',
} as const;

export type ThemeColour = keyof typeof THEME;

/** `:root { --qc-ink: …; … }` */
export const themeStyles: CSSResult = unsafeCSS(`:root { ${Object.entries(THEME).map(([name, value]) => `--qc-${name}: ${value};`).join(' ')} }`);

/** Put the theme on the document (the app's entry point does, once). */
export function installTheme(doc: Document = document): void {
  const sheet = themeStyles.styleSheet;
  if (sheet && !doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
