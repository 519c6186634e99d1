/**
 * (h) Tab styles. A CustomTab's <motif> names a tab style as `Custom<N>: <Name>`, and the number
 * decides the icon and colour (the SLDS custom icon custom<N>). The list is Salesforce's own:
 * the tab styles of `sf schema generate tab` (Salesforce CLI Command Reference, "schema generate
 * tab"; its --icon flag points to https://lightningdesignsystem.com/icons/#custom), read from the
 * pinned CLI's @salesforce/plugin-sobject, lib/commands/schema/generate/tab.js, rather than
 * copied here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { type CheckResult, type Problem, lineOf, metadataFiles, rel } from './problems';

/** Where the pinned CLI keeps its list of tab styles. */
export function cliTabStylesFile(): string {
  const require = createRequire(import.meta.url);
  return join(
    dirname(require.resolve('@salesforce/plugin-sobject')),
    'commands',
    'schema',
    'generate',
    'tab.js'
  );
}

/** Tab style names by number, from the source of `sf schema generate tab`. */
export function parseTabStyles(source: string): Map<number, string> {
  const list = /const tabDefs = \[([\s\S]*?)\];/.exec(source)?.[1] ?? '';
  const styles = new Map<number, string>();
  for (const match of list.matchAll(/['"]Custom(\d+): ([^'"]+)['"]/g)) {
    styles.set(Number(match[1]), match[2].trim());
  }
  return styles;
}

let cached: Map<number, string> | undefined;

export function tabStyles(): Map<number, string> {
  if (!cached) {
    const file = cliTabStylesFile();
    cached = existsSync(file) ? parseTabStyles(readFileSync(file, 'utf8')) : new Map();
  }
  return cached;
}

/** Why a motif is not a tab style, or undefined when it is one. */
export function motifProblem(motif: string, styles: Map<number, string>): string | undefined {
  const match = /^Custom(\d+): (.+)$/.exec(motif);
  if (!match) return `motif '${motif}' is not a tab style, written 'Custom<N>: <Name>'`;
  const [, number, name] = match;
  const expected = styles.get(Number(number));
  if (expected === undefined) return `motif '${motif}': there is no tab style Custom${number}`;
  if (expected !== name.trim()) {
    const named = [...styles].find(([, style]) => style === name.trim());
    const hint = named ? ` (${name.trim()} is Custom${named[0]})` : '';
    return `motif '${motif}': Custom${number} is ${expected}, not ${name.trim()}${hint}`;
  }
  return undefined;
}

export function checkTabs(root: string): CheckResult {
  const problems: Problem[] = [];
  const styles = tabStyles();
  const tabs = metadataFiles(root).filter((p) => p.endsWith('.tab-meta.xml'));
  if (styles.size === 0) {
    problems.push({
      file: rel(root, cliTabStylesFile()),
      message:
        'no tab styles found in the Salesforce CLI (has @salesforce/plugin-sobject moved them?)'
    });
  }
  for (const path of tabs) {
    const xml = readFileSync(path, 'utf8');
    const motif = /<motif>([^<]*)<\/motif>/.exec(xml)?.[1];
    if (motif === undefined) {
      problems.push({
        file: rel(root, path),
        message: `tab ${basename(path, '.tab-meta.xml')} has no motif`
      });
      continue;
    }
    const problem = styles.size > 0 ? motifProblem(motif, styles) : undefined;
    if (problem) {
      problems.push({
        file: rel(root, path),
        message: `${problem} (line ${lineOf(xml, '<motif>') ?? 1})`
      });
    }
  }
  return {
    name: 'tabs',
    summary: `${tabs.length} tabs use tab styles of the Salesforce CLI (${styles.size} styles)`,
    problems,
    warnings: []
  };
}
