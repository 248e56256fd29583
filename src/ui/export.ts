/** Files out of the browser: scenario files, CSV, results JSON, charts as SVG and PNG. */
import { serialiseScenario } from '../model/files.ts';
import { dailyToCsv, ensembleToJson } from '../model/report.ts';
import type { EnsembleSummary } from '../model/ensemble.ts';
import type { Scenario } from '../model/scenario.ts';
import { version } from '../../package.json';
import { downloadBlob, fileNameFor } from '../charts/image-export.ts';

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

export function exportDailyCsv(summary: EnsembleSummary): void {
  downloadBlob(fileNameFor(summary.scenario, 'daily.csv'), new Blob([dailyToCsv(summary)], { type: 'text/csv' }));
}

/** Everything needed to reproduce a result exactly: the scenario, seed, runs, app version, and the numbers. */
export function resultsJson(scenario: Scenario, summary: EnsembleSummary): string {
  return `${JSON.stringify({ app: APP, scenario, seed: summary.seed, runs: summary.runs, horizonDays: summary.horizonDays, results: ensembleToJson(summary) }, null, 2)}\n`;
}

export function exportResultsJson(scenario: Scenario, summary: EnsembleSummary): void {
  downloadBlob(fileNameFor(summary.scenario, 'results.json'), new Blob([resultsJson(scenario, summary)], { type: 'application/json' }));
}

