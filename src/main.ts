/** Browser entry: registers the app shell. */
import './ui/app-shell.ts';
