import type { ESLint } from 'eslint';

/** Why importing `specifier` from `fromFile` crosses a boundary of the monorepo, or null. */
export function boundaryViolation(fromFile: string, specifier: string): string | null;

declare const plugin: ESLint.Plugin;
export default plugin;
