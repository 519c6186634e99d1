/**
 * The metadata the preview needs at build time: the org model (objects, fields, validation
 * rules, permission profiles) and the custom labels, read through the shared object model
 * module (scripts/metadata/objectModel.ts). Until that module exists the preview runs on the
 * engine's fixture model and says so.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { splitOperators } from './formula';
import { labelsFrom, orgModelFrom } from './fromMetadata';
import type { OrgModel } from './model';
import { fixtureModel } from './testing/fixtureModel';

export interface PreviewMetadata {
  model: OrgModel;
  labels: Record<string, string>;
  /** 'metadata' when read from force-app, 'fixture' when the object model is not there yet. */
  source: 'metadata' | 'fixture';
}

export const OBJECT_MODEL_MODULE = 'scripts/metadata/objectModel.ts';

type Loader = (root: string) => unknown;

export async function loadPreviewMetadata(root: string): Promise<PreviewMetadata> {
  const modulePath = join(root, OBJECT_MODEL_MODULE);
  if (!existsSync(modulePath)) {
    console.warn(
      `${OBJECT_MODEL_MODULE} is not there yet: the preview uses the org engine's fixture model.`
    );
    return { model: fixtureModel(), labels: {}, source: 'fixture' };
  }
  const loaders = (await import(pathToFileURL(modulePath).href)) as Record<string, unknown>;
  const call = async (name: string): Promise<unknown> => {
    const loader = loaders[name];
    return typeof loader === 'function' ? await (loader as Loader)(root) : undefined;
  };
  const [objects, rules, labels] = await Promise.all([
    call('loadObjectModel'),
    call('loadValidationRules'),
    call('loadLabels')
  ]);
  const model = orgModelFrom(root, objects, rules);
  for (const rule of model.validationRules) {
    const split = splitOperators(rule.formula);
    if (split.length > 0) {
      console.warn(
        `Validation rule ${rule.objectApiName}.${rule.name} writes ${split.map((op) => `"${op}"`).join(', ')}: the preview reads it as "<="/">=", the platform may not.`
      );
    }
  }
  return { model, labels: labelsFrom(labels), source: 'metadata' };
}
