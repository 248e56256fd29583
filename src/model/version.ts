/** The app's version, written into every planning and experiment file so a result can be re-run (kept equal to package.json's by a test). */
export const APP_VERSION = '0.2.0';
export const APP_NAME = 'qunce-lab';
