/**
 * `npm run scan`: Salesforce Code Analyzer over what the package deploys — the compiled LWC
 * JavaScript, templates and styles, the Flows and the rest of the metadata — with the eslint,
 * regex, retire-js, pmd/cpd and flow engines, run offline as a library (the `sf code-analyzer`
 * plugin cannot be installed here). Prints a table of violations, writes SARIF and HTML under
 * scan-results/ (git-ignored) and fails on any severity 1 (Critical) or 2 (High) violation.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeAnalyzer,
  CodeAnalyzerConfig,
  EventType,
  LogLevel,
  OutputFormat,
  type LogEvent,
  type EngineLogEvent
} from '@salesforce/code-analyzer-core';
import * as eslintEngine from '@salesforce/code-analyzer-eslint-engine';
import * as regexEngine from '@salesforce/code-analyzer-regex-engine';
import * as retireJsEngine from '@salesforce/code-analyzer-retirejs-engine';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';
import * as flowEngine from '@salesforce/code-analyzer-flow-engine';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CONFIG_FILE = 'code-analyzer.yml';
export const OUT_DIR = 'scan-results';
/** What deploys; code-analyzer.yml's ignores drop the TypeScript sources and tests. */
export const DEFAULT_TARGETS = ['force-app/main'];
export const DEFAULT_SELECTORS = ['Recommended'];
/** Severity 1 (Critical) and 2 (High) fail the scan. */
export const FAILING_SEVERITY = 2;

const SEVERITY_NAMES: Readonly<Record<number, string>> = {
  1: 'Critical',
  2: 'High',
  3: 'Moderate',
  4: 'Low',
  5: 'Info'
};

export interface ScanOptions {
  root: string;
  /** Absolute path of the Code Analyzer configuration. */
  configFile: string;
  /** Files or folders to scan, absolute or relative to root. */
  targets: string[];
  selectors?: string[];
  /** Where to write SARIF and HTML; no files when undefined. */
  outDir?: string;
  log?: (line: string) => void;
}

export interface ScanRow {
  severity: number;
  engine: string;
  rule: string;
  file: string;
  line?: number;
  message: string;
}

export interface ScanResult {
  rows: ScanRow[];
  failing: ScanRow[];
  engines: string[];
  ruleCount: number;
  fileCount: number;
  durationMs: number;
  outputs: string[];
}

type CorePlugin = Parameters<CodeAnalyzer['addEnginePlugin']>[0];

interface PluginWithEngines {
  createEngine(engineName: string, config: unknown): Promise<object>;
}

/**
 * The newest flow engine on the registry (0.22) is built on engine API 0.24, whose engines
 * lack `removeEventListener`, which core 0.52 calls after every describe and run. The engine's
 * events go through its own Node EventEmitter (`eventEmitter`), so removing a listener there is
 * exactly what the newer API does; everything else is delegated unchanged.
 */
export function withRemovableListeners(plugin: CorePlugin): CorePlugin {
  const original = plugin as CorePlugin & PluginWithEngines;
  const adapted = Object.create(original) as CorePlugin & PluginWithEngines;
  adapted.createEngine = async (engineName, config) => {
    const engine = await original.createEngine(engineName, config);
    if (!('removeEventListener' in engine)) {
      const emitter = (engine as { eventEmitter?: NodeJS.EventEmitter }).eventEmitter;
      Object.defineProperty(engine, 'removeEventListener', {
        value: (eventType: string, callback: (...args: unknown[]) => void) =>
          emitter?.off(eventType, callback)
      });
    }
    return engine;
  };
  return adapted;
}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const log = options.log ?? ((): void => undefined);
  // code-analyzer.yml's log_folder (scan-results/logs) must exist before the file is read.
  mkdirSync(join(dirname(options.configFile), OUT_DIR, 'logs'), { recursive: true });
  const config = CodeAnalyzerConfig.fromFile(options.configFile);
  const analyzer = new CodeAnalyzer(config);
  const problems: string[] = [];
  analyzer.onEvent(EventType.LogEvent, (event: LogEvent) => {
    if (event.logLevel <= LogLevel.Warn) problems.push(event.message);
  });
  analyzer.onEvent(EventType.EngineLogEvent, (event: EngineLogEvent) => {
    if (event.logLevel <= LogLevel.Error) problems.push(`${event.engineName}: ${event.message}`);
  });
  for (const plugin of [
    eslintEngine.createEnginePlugin(),
    regexEngine.createEnginePlugin(),
    retireJsEngine.createEnginePlugin(),
    pmdEngine.createEnginePlugin(),
    withRemovableListeners(flowEngine.createEnginePlugin())
  ]) {
    await analyzer.addEnginePlugin(plugin);
  }
  const targets = options.targets.map((target) => resolve(options.root, target));
  const workspace = await analyzer.createWorkspace(targets);
  const files = await workspace.getTargetedFiles();
  const selection = await analyzer.selectRules(options.selectors ?? DEFAULT_SELECTORS, {
    workspace
  });
  const results = await analyzer.run(selection, { workspace });
  for (const problem of problems) log(`  ! ${problem}`);

  const rows: ScanRow[] = results.getViolations().map((violation) => {
    const rule = violation.getRule();
    const location = violation.getPrimaryLocation();
    const file = location.getFile();
    return {
      severity: rule.getSeverityLevel(),
      engine: rule.getEngineName(),
      rule: rule.getName(),
      file: file ? relative(options.root, file) : '',
      line: location.getStartLine(),
      message: violation.getMessage().replace(/\s+/g, ' ').trim()
    };
  });
  rows.sort(
    (a, b) =>
      a.severity - b.severity ||
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.rule.localeCompare(b.rule)
  );

  const outputs: string[] = [];
  if (options.outDir) {
    mkdirSync(options.outDir, { recursive: true });
    for (const [format, name] of [
      [OutputFormat.SARIF, 'results.sarif'],
      [OutputFormat.HTML, 'results.html']
    ] as const) {
      const path = join(options.outDir, name);
      writeFileSync(path, results.toFormattedOutput(format));
      outputs.push(path);
    }
  }
  return {
    rows,
    failing: rows.filter((row) => row.severity <= FAILING_SEVERITY),
    engines: selection.getEngineNames(),
    ruleCount: selection.getCount(),
    fileCount: files.length,
    durationMs: performance.now() - started,
    outputs
  };
}

export function formatTable(rows: readonly ScanRow[]): string {
  if (rows.length === 0) return 'No violations.';
  const table = rows.map((row) => [
    `${row.severity} ${SEVERITY_NAMES[row.severity] ?? ''}`.trim(),
    `${row.engine}:${row.rule}`,
    row.file ? `${row.file}${row.line ? `:${row.line}` : ''}` : '(no file)',
    row.message.length > 120 ? `${row.message.slice(0, 117)}…` : row.message
  ]);
  const header = ['Severity', 'Rule', 'Location', 'Message'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...table.map((cells) => (column < 3 ? cells[column].length : 0)))
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column < 3 ? cell.padEnd(widths[column]) : cell))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...table.map(line)].join(
    '\n'
  );
}

/** LWC bundles whose TypeScript has not been compiled: the scan would silently miss them. */
export function unbuiltBundles(root: string): string[] {
  const lwcDir = join(root, 'force-app/main/default/lwc');
  if (!existsSync(lwcDir)) return [];
  return readdirSync(lwcDir).filter(
    (bundle) =>
      existsSync(join(lwcDir, bundle, `${bundle}.ts`)) &&
      !existsSync(join(lwcDir, bundle, `${bundle}.js`))
  );
}

async function main(): Promise<number> {
  const unbuilt = unbuiltBundles(ROOT);
  if (unbuilt.length > 0) {
    console.error(`✖ Not compiled (run npm run build first): ${unbuilt.join(', ')}`);
    return 1;
  }
  console.log(
    `Salesforce Code Analyzer: ${DEFAULT_SELECTORS.join(', ')} rules over ${DEFAULT_TARGETS.join(', ')}`
  );
  const result = await scan({
    root: ROOT,
    configFile: join(ROOT, CONFIG_FILE),
    targets: DEFAULT_TARGETS,
    outDir: join(ROOT, OUT_DIR),
    log: (line) => console.log(line)
  });
  console.log(formatTable(result.rows));
  const seconds = (result.durationMs / 1000).toFixed(1);
  console.log(
    `${result.fileCount} files, ${result.ruleCount} rules (${result.engines.join(', ')}), ${result.rows.length} violations, ${seconds} s`
  );
  for (const output of result.outputs) console.log(`  report: ${relative(ROOT, output)}`);
  if (result.failing.length > 0) {
    console.error(
      `✖ ${result.failing.length} violation(s) of severity 1–2 (Critical/High): fix them or, if a rule is wrong for this code, override it in ${CONFIG_FILE} with a reason.`
    );
    return 1;
  }
  console.log('✔ No Critical or High violations.');
  return 0;
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    }
  );
}
