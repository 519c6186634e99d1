/**
 * Checks a data plan against the org schema before anything reaches an org: the plan file has
 * the shape `sf data import tree --plan` accepts, every field exists and can be set on insert,
 * every required field is present, every `@reference` resolves to a record inserted before it
 * (or in the same file) of an object the lookup allows, every user lookup holds a user Id, and
 * imported audit dates are in order (a record is not modified before it is created).
 */
import type { DataPlan, TreeRecord } from './dataPlan';
import type { Schema } from './schema';

/** The reference format the CLI resolves (`@<word>Ref<digits>`, see plugin-data). */
const REFERENCE_ID = /^\w+Ref\d+$/;
const USER_ID = /^005[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/;

export function checkDataPlan(dataPlan: DataPlan, schema: Schema): string[] {
  const problems: string[] = [];
  const inserted = new Map<string, string>(); // referenceId → object, for records before this one
  const seenFiles = new Set<string>();

  if (!Array.isArray(dataPlan.plan) || dataPlan.plan.length === 0) {
    return ['the plan has no entries'];
  }
  for (const [index, entry] of dataPlan.plan.entries()) {
    if (typeof entry.sobject !== 'string' || !Array.isArray(entry.files)) {
      problems.push(`plan entry ${index + 1}: needs "sobject" (string) and "files" (string[])`);
      continue;
    }
    const objectSchema = schema.get(entry.sobject);
    if (!objectSchema) {
      problems.push(`plan entry ${index + 1}: object ${entry.sobject} is not in the org schema`);
      continue;
    }
    for (const fileName of entry.files) {
      const records = dataPlan.files.get(fileName);
      if (typeof fileName !== 'string' || records === undefined) {
        problems.push(`plan entry ${entry.sobject}: file ${String(fileName)} is not in the plan`);
        continue;
      }
      seenFiles.add(fileName);
      // References inside one file resolve too (the CLI inserts the referenced records of a
      // file first), so a file's records are registered before they are checked.
      for (const record of records) {
        const referenceId = record.attributes?.referenceId;
        if (typeof referenceId !== 'string') continue;
        if (inserted.has(referenceId)) {
          problems.push(`${fileName} ${referenceId}: referenceId ${referenceId} is used twice`);
        }
        inserted.set(referenceId, entry.sobject);
      }
      for (const record of records) checkRecord(record, entry.sobject, fileName);
    }
  }
  for (const fileName of dataPlan.files.keys()) {
    if (!seenFiles.has(fileName)) problems.push(`file ${fileName} is not listed in the plan`);
  }
  return problems;

  function checkRecord(record: TreeRecord, sobject: string, fileName: string): void {
    const objectSchema = schema.get(sobject);
    if (!objectSchema) return;
    const { type, referenceId } = record.attributes ?? { type: '', referenceId: '' };
    const where = `${fileName} ${referenceId || '(no referenceId)'}`;
    if (type !== sobject)
      problems.push(`${where}: attributes.type is ${type}, expected ${sobject}`);
    if (!REFERENCE_ID.test(referenceId)) {
      problems.push(`${where}: referenceId must look like <Object>Ref<n>`);
    }
    for (const [name, value] of Object.entries(record)) {
      if (name === 'attributes') continue;
      const definition = objectSchema.fields.get(name);
      if (!definition) {
        problems.push(`${where}: field ${sobject}.${name} does not exist`);
        continue;
      }
      if (!definition.createable) {
        problems.push(`${where}: field ${sobject}.${name} cannot be set on insert`);
      }
      if (definition.referenceTo.length === 0) {
        if (
          typeof value === 'string' &&
          value.startsWith('@') &&
          REFERENCE_ID.test(value.slice(1))
        ) {
          problems.push(`${where}: ${name} is not a lookup but holds the reference ${value}`);
        }
        continue;
      }
      if (typeof value !== 'string') {
        problems.push(`${where}: lookup ${name} holds ${JSON.stringify(value)}`);
      } else if (value.startsWith('@')) {
        const target = inserted.get(value.slice(1));
        if (target === undefined) {
          problems.push(
            `${where}: ${name} → ${value} does not resolve to a record of an earlier file or the same file`
          );
        } else if (!definition.referenceTo.includes(target)) {
          problems.push(
            `${where}: ${name} → ${value} is a ${target}, but the lookup allows ${definition.referenceTo.join(', ')}`
          );
        }
      } else if (!(definition.referenceTo.includes('User') && USER_ID.test(value))) {
        problems.push(
          `${where}: ${name} holds ${value}; a lookup to ${definition.referenceTo.join(', ')} needs an @reference`
        );
      }
    }
    const created = record.CreatedDate;
    const modified = record.LastModifiedDate;
    if (
      typeof created === 'string' &&
      typeof modified === 'string' &&
      Date.parse(modified) < Date.parse(created)
    ) {
      problems.push(`${where}: LastModifiedDate ${modified} is before CreatedDate ${created}`);
    }
    for (const definition of objectSchema.fields.values()) {
      const value = record[definition.name];
      if (definition.required && definition.createable && (value === undefined || value === '')) {
        problems.push(`${where}: required field ${sobject}.${definition.name} is missing`);
      }
    }
  }
}
