/**
 * The metadata the preview needs at build time: the org model (objects, fields, validation
 * rules, permission profiles) and the custom labels, read through the shared object model
 * module (scripts/metadata/objectModel.ts).
 */
import {
  loadLabels,
  loadObjectModel,
  loadValidationRules
} from '../../scripts/metadata/objectModel';
import { splitOperators, unsupportedFunctions } from './formula';
import { labelsFrom, orgModelFrom } from './fromMetadata';
import type { OrgModel } from './model';

export interface PreviewMetadata {
  model: OrgModel;
  labels: Record<string, string>;
}

export function loadPreviewMetadata(root: string): PreviewMetadata {
  const model = orgModelFrom(root, loadObjectModel(root), loadValidationRules(root));
  for (const rule of model.validationRules) {
    const name = `Validation rule ${rule.objectApiName}.${rule.name}`;
    const split = splitOperators(rule.formula);
    if (split.length > 0) {
      console.warn(
        `${name} writes ${split.map((op) => `"${op}"`).join(', ')}: the preview reads it as "<="/">=", the platform may not.`
      );
    }
    warnUnsupported(name, rule.formula);
  }
  for (const object of Object.values(model.objects)) {
    for (const field of Object.values(object.fields)) {
      if (field.formula)
        warnUnsupported(`Formula field ${object.apiName}.${field.apiName}`, field.formula);
    }
  }
  return { model, labels: labelsFrom(loadLabels(root)) };
}

/** Said at build time, not first met when a save in the preview fails. */
function warnUnsupported(name: string, formula: string): void {
  const missing = unsupportedFunctions(formula);
  if (missing.length > 0) {
    console.warn(
      `${name} calls ${missing.join(', ')}, which the preview's formula engine does not implement: saving a record it applies to fails in the preview.`
    );
  }
}
