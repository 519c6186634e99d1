/**
 * The sample dataset's shape, shared by the generator, the in-memory org, the preview and the
 * benchmarks. Field values are what the UI API returns: ISO strings for dates and date-times,
 * numbers, booleans, `;`-joined strings for multi-select picklists, null for empty.
 */
export type FieldValue = string | number | boolean | null;

export interface DatasetRecord {
  Id: string;
  [field: string]: FieldValue;
}

export interface Personas {
  vp: string;
  manager: string;
  rep: string;
}

export interface DatasetMeta {
  description: string;
  seed: number;
  /** The date the sample is built around; the preview treats it as today. */
  today: string;
  personas: Personas;
}

export interface Dataset {
  meta: DatasetMeta;
  /** Records by object API name. */
  records: Record<string, DatasetRecord[]>;
}
