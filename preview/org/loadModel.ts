/**
 * The metadata the preview needs at build time: the org model (objects, fields, validation
 * rules, permission profiles) and the custom labels.
 */
import type { OrgModel } from './model';
import { fixtureModel } from './testing/fixtureModel';

export interface PreviewMetadata {
  model: OrgModel;
  labels: Record<string, string>;
}

export function loadPreviewMetadata(_root: string): PreviewMetadata {
  return { model: fixtureModel(), labels: {} };
}
