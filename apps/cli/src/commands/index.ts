import type { CommandRegistry } from '../cli';

/** Every `accord` subcommand. Adding one is one line: `name: () => import('./name')`. */
export const commands: CommandRegistry = {
  verify: () => import('./verify'),
  token: () => import('./token'),
  keys: () => import('./keys'),
  checkpoint: () => import('./checkpoint'),
  'export-case': () => import('./export-case'),
  'verify-bundle': () => import('./verify-bundle'),
  rebuild: () => import('./rebuild'),
  demo: () => import('./demo'),
};
