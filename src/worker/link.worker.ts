/** Reads a share link off the main thread: a hostile link can cost this worker, never the page. */
import * as Comlink from 'comlink';
import { decodeShareFragment } from '../model/files.ts';
import type { LinkApi } from './protocol.ts';

const api: LinkApi = { decode: decodeShareFragment };
Comlink.expose(api);
