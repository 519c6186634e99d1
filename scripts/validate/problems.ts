/**
 * What every check returns: a file (relative to the project root) and a message a person can
 * act on. Checks never print or exit; the CLI does.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface Problem {
  file: string;
  message: string;
}

export interface CheckResult {
  name: string;
  summary: string;
  problems: Problem[];
  warnings: Problem[];
}

export const PACKAGE_DIR = 'force-app';

/** Every file under `dir` (recursively), skipping node_modules and __tests__. */
export function walk(dir: string, skip: (name: string) => boolean = () => false): string[] {
  const out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries.sort()) {
    if (name === 'node_modules' || skip(name)) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full, skip));
    else out.push(full);
  }
  return out;
}

export function metadataFiles(root: string): string[] {
  return walk(join(root, PACKAGE_DIR), (name) => name === '__tests__').filter((file) =>
    file.endsWith('.xml')
  );
}

export function rel(root: string, file: string): string {
  return relative(root, file).split('\\').join('/');
}

/** 1-based line of the first occurrence of `needle` in `text`, or undefined. */
export function lineOf(text: string, needle: string, from = 0): number | undefined {
  const at = text.indexOf(needle, from);
  if (at < 0) return undefined;
  return text.slice(0, at).split('\n').length;
}
