/** Browser entry: puts the theme on the page and registers the app shell. */
import { installTheme } from './theme.ts';
import './ui/app-shell.ts';

installTheme();
