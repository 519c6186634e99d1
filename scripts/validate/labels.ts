/**
 * (g) Custom labels within the platform's limits. The platform keeps a label's text as written,
 * line breaks and indentation included, so a value or description that a formatter wrapped
 * over lines is a different text (and a longer one). Limits:
 * - value: at most 1,000 characters ("Custom labels are custom text values, up to 1,000 characters
 *   in length", Metadata API Developer Guide, CustomLabels:
 *   https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_customlabels.htm);
 * - shortDescription: one line of at most 80 characters (the Short Description field of
 *   Setup → Custom Labels; Salesforce Help, "Create and Edit Custom Labels").
 * .prettierrc.json gives *.labels-meta.xml a print width above the longest possible line so
 * Prettier never wraps them.
 */
import { readFileSync } from 'node:fs';
import { type CheckResult, type Problem, metadataFiles, rel } from './problems';

export const SHORT_DESCRIPTION_MAX = 80;
export const VALUE_MAX = 1000;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text the platform stores for an element's content: XML entities decoded, nothing trimmed. */
export function xmlText(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (entity, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? entity;
  });
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function checkText(
  label: string,
  element: 'shortDescription' | 'value',
  raw: string,
  line: number,
  max: number
): string[] {
  const text = xmlText(raw);
  const where = `(line ${line})`;
  const problems: string[] = [];
  if (text.includes('\n')) {
    problems.push(
      `${element} of ${label} spans ${text.split('\n').length} lines; the platform keeps the line breaks and indentation: write it on one line ${where}`
    );
  } else if (text !== text.trim()) {
    problems.push(
      `${element} of ${label} starts or ends with spaces, which the platform keeps ${where}`
    );
  }
  if (text.length > max) {
    problems.push(
      `${element} of ${label} is ${text.length} characters, over the limit of ${max} ${where}`
    );
  }
  return problems;
}

export function checkLabels(root: string): CheckResult {
  const problems: Problem[] = [];
  let count = 0;
  for (const path of metadataFiles(root).filter((p) => p.endsWith('.labels-meta.xml'))) {
    const file = rel(root, path);
    const xml = readFileSync(path, 'utf8');
    for (const block of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
      count += 1;
      const start = block.index ?? 0;
      const body = block[1];
      const name = /<fullName>([^<]*)<\/fullName>/.exec(body)?.[1].trim() ?? `label ${count}`;
      for (const [element, max] of [
        ['shortDescription', SHORT_DESCRIPTION_MAX],
        ['value', VALUE_MAX]
      ] as const) {
        const match = new RegExp(`<${element}>([\\s\\S]*?)</${element}>`).exec(body);
        if (!match) {
          problems.push({ file, message: `${name} has no ${element}` });
          continue;
        }
        const line = lineAt(xml, start + '<labels>'.length + match.index);
        for (const message of checkText(name, element, match[1], line, max)) {
          problems.push({ file, message });
        }
      }
    }
  }
  return {
    name: 'labels',
    summary: `${count} labels on one line, descriptions ≤ ${SHORT_DESCRIPTION_MAX} and values ≤ ${VALUE_MAX} characters`,
    problems,
    warnings: []
  };
}
