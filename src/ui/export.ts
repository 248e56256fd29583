/** Files out of the browser: scenario files, CSV, results JSON, charts as SVG and PNG. */
import { serialiseScenario } from '../model/files.ts';
import { dailyToCsv, ensembleToJson } from '../model/report.ts';
import type { EnsembleSummary } from '../model/ensemble.ts';
import type { Scenario } from '../model/scenario.ts';
import { version } from '../../package.json';
import { downloadBlob, fileNameFor } from '../charts/image-export.ts';
import type { ShownResults } from './controllers/ensemble-controller.ts';

export const APP = { name: '群策 Lab', version } as const;

interface SavePickerWindow {
  showSaveFilePicker?: (options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<{ createWritable(): Promise<{ write(data: Blob): Promise<void>; close(): Promise<void> }> }>;
}

/** Save with the File System Access API where the browser has it, else download. */
export async function saveScenarioFile(scenario: Scenario): Promise<void> {
  const blob = new Blob([serialiseScenario(scenario)], { type: 'application/json' });
  const name = fileNameFor(scenario.name, 'json');
  const picker = (window as unknown as SavePickerWindow).showSaveFilePicker;
  if (picker) {
    try {
      const handle = await picker({ suggestedName: name, types: [{ description: 'Scenario (JSON)', accept: { 'application/json': ['.json'] } }] });
      const writable = await handle.createWritable();
      await writable.write(blob);
      await writable.close();
      return;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return; // the user closed the picker
      // any other failure: fall back to a download
    }
  }
  downloadBlob(name, blob);
}

/** What results are, in files: the quick run is a "preview". */
const kindInFiles = (shown: ShownResults) => (shown.kind === 'quick' ? 'preview' : shown.kind);

/** The file name says what the results are: `<name>-preview-60-runs.daily.csv`, `-full-`, `-partial-`. */
function resultsFileName(summary: EnsembleSummary, shown: ShownResults, ending: string): string {
  const plain = fileNameFor(summary.scenario, ending);
  return `${plain.slice(0, -(ending.length + 1))}-${kindInFiles(shown)}-${summary.runs}-runs.${ending}`;
}

export function exportDailyCsv(summary: EnsembleSummary, shown: ShownResults): void {
  downloadBlob(resultsFileName(summary, shown, 'daily.csv'), new Blob([dailyToCsv(summary)], { type: 'text/csv' }));
}

/**
 * Everything needed to reproduce a result exactly: the scenario, seed, runs, app
 * version, and the numbers — and what they are (a preview, a full run, or the
 * part of a full run done before it was cancelled).
 */
export function resultsJson(scenario: Scenario, summary: EnsembleSummary, shown: ShownResults): string {
  const run = { kind: kindInFiles(shown), runs: summary.runs, of: scenario.runs };
  return `${JSON.stringify({ app: APP, scenario, run, seed: summary.seed, runs: summary.runs, horizonDays: summary.horizonDays, results: ensembleToJson(summary) }, null, 2)}\n`;
}

export function exportResultsJson(scenario: Scenario, summary: EnsembleSummary, shown: ShownResults): void {
  downloadBlob(resultsFileName(summary, shown, 'results.json'), new Blob([resultsJson(scenario, summary, shown)], { type: 'application/json' }));
}

