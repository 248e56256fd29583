/**
 * Moving around the app: each change of view is a step in the browser's
 * history (Back returns to the previous view, not away from the app), and
 * Ctrl/Cmd+Z undoes an edit, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes it, unless a
 * text field has the keys.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { VIEWS, type View } from '../app-bar.ts';

export interface NavigationHost extends ReactiveControllerHost {
  view: View;
}

export class NavigationController implements ReactiveController {
  /** The view the history knows the app is at. */
  private recorded: View;
  /** The view came from the browser's Back / Forward (not to be pushed again). */
  private fromHistory = false;

  constructor(private readonly host: NavigationHost, private readonly edits: { undo(): boolean; redo(): boolean }) {
    this.recorded = host.view;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('keydown', this.onKey);
    window.addEventListener('popstate', this.onPopState);
    this.recorded = this.host.view;
    history.replaceState({ ...(history.state as object | null), view: this.host.view }, '');
  }

  hostDisconnected(): void {
    window.removeEventListener('keydown', this.onKey);
    window.removeEventListener('popstate', this.onPopState);
  }

  hostUpdated(): void {
    if (this.host.view !== this.recorded && !this.fromHistory) history.pushState({ view: this.host.view }, '');
    this.recorded = this.host.view;
    this.fromHistory = false;
  }

  private onPopState = (event: PopStateEvent): void => {
    const view = (event.state as { view?: unknown } | null)?.view;
    if (typeof view === 'string' && (VIEWS as readonly string[]).includes(view)) {
      this.fromHistory = true;
      this.host.view = view as View;
    }
  };

  private onKey = (event: KeyboardEvent): void => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    const redo = (key === 'z' && event.shiftKey) || key === 'y';
    if (key !== 'z' && !redo) return;
    let target: Element | null = document.activeElement;
    while (target?.shadowRoot?.activeElement) target = target.shadowRoot.activeElement;
    if (target instanceof HTMLInputElement && !['checkbox', 'radio', 'range', 'button'].includes(target.type)) return;
    if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
    if (redo ? this.edits.redo() : this.edits.undo()) event.preventDefault();
  };
}
