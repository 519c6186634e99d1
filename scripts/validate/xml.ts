/** (a) Every metadata XML file is well-formed. */
import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { type CheckResult, type Problem, metadataFiles, rel } from './problems';

export function checkXml(root: string): CheckResult {
  const files = metadataFiles(root);
  const problems: Problem[] = [];
  for (const file of files) {
    const result = XMLValidator.validate(readFileSync(file, 'utf8'));
    if (result !== true) {
      const { msg, line, col } = result.err;
      problems.push({
        file: rel(root, file),
        message: `malformed XML: ${msg} (line ${line}, column ${col})`
      });
    }
  }
  return { name: 'xml', summary: `${files.length} files well-formed`, problems, warnings: [] };
}
