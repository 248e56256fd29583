/**
 * Reads a share link or a scenario file off the main thread: a hostile link or
 * a file with 30,000 problems costs this worker, never the page. Problems come
 * back capped (the first 20 and how many more), so the list that crosses to the
 * page is short whatever the input.
 */
import * as Comlink from 'comlink';
import { capProblems, decodeShareFragment, openScenarioText } from '../model/files.ts';
import type { LinkApi } from './protocol.ts';

const api: LinkApi = {
  decode: async (fragment) => capProblems(await decodeShareFragment(fragment)),
  open: (text) => Promise.resolve(capProblems(openScenarioText(text))),
};
Comlink.expose(api);
