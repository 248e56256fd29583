/** The planner worker: planning jobs off the page's main thread (planner.ts). */
import * as Comlink from 'comlink';
import { plannerApi } from './planner.ts';

Comlink.expose(plannerApi);
