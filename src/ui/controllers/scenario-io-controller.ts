/**
 * Scenarios in and out: open a file (picker or dropped on the page), open a
 * share link (on load and on hashchange), save a file, make a share link. A
 * refused file or link lists its problems and changes nothing on screen; an
 * accepted one first keeps the scenario on screen in the library.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { encodeShareFragment, type OpenResult } from '../../model/files.ts';
import { makeProblem, type Draft, type Scenario } from '../../model/scenario.ts';
import { saveScenarioFile } from '../export.ts';
import { decodeLinkInWorker, openTextInWorker } from '../../worker/workers.ts';
import type { DraftController } from './draft-controller.ts';
import { PRESET_FILES } from '../presets.ts';
import type { LibraryController } from './library-controller.ts';
import type { Notice, NoticesController } from './notices-controller.ts';

/** Larger files are refused before reading them (a scenario file is at most 1 MB). */
const MAX_FILE_BYTES = 5_000_000;

export class ScenarioIoController implements ReactiveController {
  /** A file is being dragged over the page. */
  dragging = false;

  /** `onOpened` hears every scenario opened (the shell shows the lab). */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly draft: DraftController,
    private readonly library: LibraryController,
    private readonly notices: NoticesController,
    private readonly onOpened: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('dragover', this.onDragOver);
    this.host.addEventListener('dragleave', this.onDragLeave);
    this.host.addEventListener('drop', this.onDrop);
    window.addEventListener('hashchange', this.onHash);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('dragover', this.onDragOver);
    this.host.removeEventListener('dragleave', this.onDragLeave);
    this.host.removeEventListener('drop', this.onDrop);
    window.removeEventListener('hashchange', this.onHash);
  }

  /** Open a scenario file's text, validated in a worker (a large file never freezes the page). Returns whether it was opened. */
  async openText(text: string, name: string): Promise<boolean> {
    return this.accept(await openTextInWorker(text), { key: 'fileRefused', params: { name } }, { key: 'openedFile', params: { name } });
  }

  async openFile(file: File): Promise<void> {
    if (file.size > MAX_FILE_BYTES) {
      this.notices.refuse({ key: 'fileRefused', params: { name: file.name } }, [makeProblem('', `file is too large (${file.size} bytes; a scenario file is at most 1 MB)`, `文件过大 (${file.size} 字节；场景文件最多 1 MB)`)]);
      return;
    }
    await this.openText(await file.text(), file.name);
  }

  /** Open the scenario of a share link; once opened, the link leaves the address (the autosave holds it now). */
  async openLink(hash: string): Promise<void> {
    if (await this.accept(await decodeLinkInWorker(hash), { key: 'linkRefused' }, { key: 'openedLink' })) {
      history.replaceState(history.state, '', location.pathname + location.search);
    }
  }

  async share(scenario: Scenario): Promise<void> {
    const url = `${location.origin}${location.pathname}#${await encodeShareFragment(scenario)}`;
    this.notices.showShareUrl(url);
    try {
      await navigator.clipboard?.writeText(url);
    } catch {
      // no clipboard permission: the link is shown to copy by hand
    }
  }

  save(scenario: Scenario): Promise<void> {
    return saveScenarioFile(scenario);
  }

  private async accept(opened: OpenResult, refused: Notice, done: Notice): Promise<boolean> {
    if (!opened.ok) {
      this.notices.refuse(refused, opened.problems, opened.more);
      return false;
    }
    this.notices.clearRefusal();
    await this.library.keepBefore(this.draft.draft, opened.scenario, PRESET_FILES);
    this.draft.replace(structuredClone(opened.scenario) as unknown as Draft, '');
    this.notices.notify({ ...done, extra: opened.notices });
    this.onOpened();
    return true;
  }

  private readonly onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.setDragging(true);
  };

  private readonly onDragLeave = (event: DragEvent): void => {
    if (event.relatedTarget === null) this.setDragging(false);
  };

  private readonly onDrop = (event: DragEvent): void => {
    event.preventDefault();
    this.setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file) void this.openFile(file);
  };

  private readonly onHash = (): void => {
    if (location.hash.length > 1) void this.openLink(location.hash);
  };

  private setDragging(on: boolean): void {
    if (this.dragging === on) return;
    this.dragging = on;
    this.host.requestUpdate();
  }
}
