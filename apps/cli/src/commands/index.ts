import type { CommandRegistry } from '../cli';

/** Every `accord` subcommand. Adding one is one line: `name: () => import('./name')`. */
export const commands: CommandRegistry = {
  verify: () => import('./verify'),
  token: () => import('./token'),
  rebuild: () => import('./rebuild'),
  demo: () => import('./demo'),
};
