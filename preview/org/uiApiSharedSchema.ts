/**
 * The common part of the UI API GraphQL schema, as Salesforce publishes it: scalars, value
 * wrappers (StringValue, CurrencyValue …), aggregate types, operator inputs, enums and the
 * Record interface. The file ships in the npm package
 * @salesforce/webapp-template-feature-graphql-experimental (pinned exactly in package.json),
 * under skills/implementing-graphql-data-access/docs/shared-schema.graphqls.
 *
 * In Node it is read from node_modules; the preview's browser bundle replaces this module with
 * the same text inlined (see preview/build.ts), so both run on Salesforce's own definitions.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const SHARED_SCHEMA_FILE =
  '@salesforce/webapp-template-feature-graphql-experimental/skills/implementing-graphql-data-access/docs/shared-schema.graphqls';

export const SHARED_SCHEMA_SDL: string = readFileSync(
  createRequire(import.meta.url).resolve(SHARED_SCHEMA_FILE),
  'utf8'
);
