/**
 * The package's validation rules as the org runs them, for Jest: read from the rule files in
 * force-app and evaluated with the preview's formula engine (preview/org/formula.ts), the same
 * evaluator the in-memory org saves records with. Form-model tests check what a model sends
 * against the real rules instead of a copy of them.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { evaluateFormula, type FormulaValue } from '../../preview/org/formula';

const DEFAULT = join(__dirname, '..', 'main', 'default');
const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

export interface ValidationRule {
  objectApiName: string;
  name: string;
  active: boolean;
  formula: string;
  message: string;
  displayField: string | null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Every rule of one object, or of every object. */
export function validationRules(objectApiName?: string): ValidationRule[] {
  const objectsDir = join(DEFAULT, 'objects');
  const objects = objectApiName ? [objectApiName] : readdirSync(objectsDir);
  return objects.flatMap((object) => {
    const dir = join(objectsDir, object, 'validationRules');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((file) => file.endsWith('.validationRule-meta.xml'))
      .map((file) => {
        const xml = (
          parser.parse(readFileSync(join(dir, file), 'utf8')) as {
            ValidationRule: Record<string, unknown>;
          }
        ).ValidationRule;
        return {
          objectApiName: object,
          name: text(xml.fullName),
          active: text(xml.active) === 'true',
          formula: text(xml.errorConditionFormula),
          message: text(xml.errorMessage),
          displayField: text(xml.errorDisplayField) || null
        };
      });
  });
}

/** The custom labels by name. */
export function customLabels(): Record<string, string> {
  const xml = parser.parse(
    readFileSync(join(DEFAULT, 'labels', 'CustomLabels.labels-meta.xml'), 'utf8')
  ) as { CustomLabels: { labels: { fullName: string; value: string }[] } };
  return Object.fromEntries(xml.CustomLabels.labels.map((label) => [label.fullName, label.value]));
}

export type RecordValues = Record<string, FormulaValue | undefined>;

/**
 * The active rules of the object that the record breaks. `prior` is the record before an
 * update (ISNEW() is false then, and ISCHANGED / PRIORVALUE compare with it).
 */
export function brokenRules(
  objectApiName: string,
  record: RecordValues,
  options: { today: string; prior?: RecordValues; userId?: string }
): ValidationRule[] {
  const read = (values: RecordValues) => (path: string) => values[path] ?? null;
  return validationRules(objectApiName).filter(
    (rule) =>
      rule.active &&
      evaluateFormula(rule.formula, {
        today: options.today,
        userId: options.userId,
        isNew: options.prior === undefined,
        field: read(record),
        prior: read(options.prior ?? {})
      }) === true
  );
}
