import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CONFIG_FILE, formatTable, ROOT, scan, unbuiltBundles, type ScanRow } from './scan';

const FLOW = `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>62.0</apiVersion>
    <label>Planted</label>
    <processType>AutoLaunchedFlow</processType>
    <status>Active</status>
    <start><locationX>0</locationX><locationY>0</locationY></start>
</Flow>
`;

void describe('npm run scan', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'scan-test-'));
  after(() => rmSync(workspace, { recursive: true, force: true }));

  void it('fails on an innerHTML assignment in compiled LWC JavaScript (@lwc/lwc/no-inner-html)', async () => {
    const bundle = join(workspace, 'lwc', 'planted');
    mkdirSync(bundle, { recursive: true });
    writeFileSync(
      join(bundle, 'planted.js'),
      [
        "import { LightningElement } from 'lwc';",
        'export default class Planted extends LightningElement {',
        '  renderedCallback() {',
        "    this.template.querySelector('div').innerHTML = this.markup;",
        '  }',
        '}',
        ''
      ].join('\n')
    );
    writeFileSync(join(bundle, 'planted.html'), '<template><div></div></template>\n');
    // TypeScript sources are ignored by code-analyzer.yml: the same line here must not count.
    writeFileSync(join(bundle, 'planted.ts'), "document.body.innerHTML = '<b>x</b>';\n");
    mkdirSync(join(workspace, 'flows'));
    writeFileSync(join(workspace, 'flows', 'Planted.flow-meta.xml'), FLOW);
    const outDir = join(workspace, 'out');

    const result = await scan({
      root: ROOT,
      configFile: join(ROOT, CONFIG_FILE),
      targets: [workspace],
      outDir
    });

    const innerHtml = result.failing.filter((row) => row.rule === '@lwc/lwc/no-inner-html');
    assert.equal(innerHtml.length, 1, formatTable(result.rows));
    assert.match(innerHtml[0].file, /lwc\/planted\/planted\.js$/);
    assert.equal(innerHtml[0].line, 4);
    assert.ok(innerHtml[0].severity <= 2);
    // The flow engine is loaded through the listener adapter and selected for the Flow.
    assert.ok(result.engines.includes('flow'), `engines: ${result.engines.join(', ')}`);
    assert.ok(result.engines.includes('eslint'));
    assert.equal(
      result.rows.filter((row) => row.engine === 'flow' && row.severity <= 2).length,
      0,
      'the flow engine ran without an engine error'
    );
    const sarif = JSON.parse(readFileSync(join(outDir, 'results.sarif'), 'utf8')) as {
      runs: { results: { ruleId: string }[] }[];
    };
    assert.ok(
      sarif.runs.some((run) => run.results.some((r) => r.ruleId === '@lwc/lwc/no-inner-html'))
    );
    assert.match(readFileSync(join(outDir, 'results.html'), 'utf8'), /<html/i);
  });
});

void describe('formatTable', () => {
  void it('prints severity, rule, file:line and message, one violation a line', () => {
    const rows: ScanRow[] = [
      {
        severity: 2,
        engine: 'eslint',
        rule: '@lwc/lwc/no-inner-html',
        file: 'force-app/main/default/lwc/x/x.js',
        line: 4,
        message: 'Using innerHTML is not allowed'
      },
      {
        severity: 5,
        engine: 'regex',
        rule: 'AvoidTermsWithImplicitBias',
        file: 'a.xml',
        message: 'm'
      }
    ];
    const lines = formatTable(rows).split('\n');
    assert.equal(lines.length, 4);
    assert.match(lines[0], /^Severity\s+Rule\s+Location\s+Message$/);
    assert.match(
      lines[2],
      /^2 High\s+eslint:@lwc\/lwc\/no-inner-html\s+force-app\/main\/default\/lwc\/x\/x\.js:4\s+Using innerHTML/
    );
    assert.match(lines[3], /^5 Info\s+regex:AvoidTermsWithImplicitBias\s+a\.xml\s+m$/);
    assert.equal(formatTable([]), 'No violations.');
  });
});

void describe('unbuiltBundles', () => {
  void it('names bundles whose .ts has no compiled .js', () => {
    const root = mkdtempSync(join(tmpdir(), 'scan-unbuilt-'));
    try {
      const lwc = join(root, 'force-app/main/default/lwc');
      mkdirSync(join(lwc, 'built'), { recursive: true });
      mkdirSync(join(lwc, 'fresh'), { recursive: true });
      writeFileSync(join(lwc, 'built', 'built.ts'), '');
      writeFileSync(join(lwc, 'built', 'built.js'), '');
      writeFileSync(join(lwc, 'fresh', 'fresh.ts'), '');
      assert.deepEqual(unbuiltBundles(root), ['fresh']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
