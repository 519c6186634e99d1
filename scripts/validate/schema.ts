/**
 * (b) Every element in every metadata file is one the Metadata API defines for that type, at
 * that place, and every enumeration, boolean and number value is one it accepts.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { RegistryAccess } from '@salesforce/source-deploy-retrieve';
import { type MetadataSchema, type PropertyType, loadMetadataSchema } from './metadataSchema';
import { type CheckResult, type Problem, lineOf, metadataFiles, rel } from './problems';

type OrderedNode = Record<string, OrderedNode[] | string> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: true
});

let suffixTypes: Map<string, string> | undefined;

/** Metadata type for a source file, from the file's suffix as the SDR registry knows it. */
export function metadataTypeOf(file: string): string | undefined {
  const name = basename(file);
  if (name.endsWith('.js-meta.xml')) return 'LightningComponentBundle';
  const match = /\.([A-Za-z]+)-meta\.xml$/.exec(name);
  if (!match) return undefined;
  if (!suffixTypes) {
    suffixTypes = new Map();
    for (const type of Object.values(new RegistryAccess().getRegistry().types)) {
      if (type.suffix && !suffixTypes.has(type.suffix)) suffixTypes.set(type.suffix, type.name);
      for (const child of Object.values(type.children?.types ?? {})) {
        if (child.suffix && !suffixTypes.has(child.suffix))
          suffixTypes.set(child.suffix, child.name);
      }
    }
  }
  return suffixTypes.get(match[1]);
}

/**
 * The WSDL types LightningComponentBundle.targetConfigs as a plain string, but its content is
 * structured (LWC Developer Guide, "XML Configuration File Elements"). This small documented
 * shape stands in for it so its elements are still checked.
 */
const TARGET_CONFIG_SHAPES: Record<string, Set<string>> = {
  targetConfigs: new Set(['targetConfig']),
  targetConfig: new Set([
    'property',
    'objects',
    'supportedFormFactors',
    'actionType',
    'dataSource',
    'propertyType',
    'event',
    'sourceType',
    'screenActionSubType'
  ]),
  objects: new Set(['object']),
  supportedFormFactors: new Set(['supportedFormFactor']),
  property: new Set(['datasource'])
};

function children(node: OrderedNode[]): { tag: string; nodes: OrderedNode[] }[] {
  const out: { tag: string; nodes: OrderedNode[] }[] = [];
  for (const entry of node) {
    for (const key of Object.keys(entry)) {
      if (key === ':@' || key === '#text' || key === '?xml') continue;
      const value = entry[key];
      out.push({ tag: key, nodes: Array.isArray(value) ? value : [] });
    }
  }
  return out;
}

function textOf(nodes: OrderedNode[]): string {
  return nodes.map((n) => (typeof n['#text'] === 'string' ? n['#text'] : '')).join('');
}

export function checkElements(
  schema: MetadataSchema,
  typeName: string,
  xml: string,
  file: string
): Problem[] {
  const problems: Problem[] = [];
  const doc = parser.parse(xml) as OrderedNode[];
  const roots = children(doc);
  const root = roots[0];
  if (!root) return [{ file, message: 'no root element' }];
  if (root.tag !== typeName) {
    return [
      { file, message: `root element <${root.tag}> should be <${typeName}> for this file type` }
    ];
  }
  let cursor = 0;
  const at = (tag: string): string => {
    const line = lineOf(xml, `<${tag}`, cursor);
    if (line !== undefined) cursor = xml.indexOf(`<${tag}`, cursor) + 1;
    return line === undefined ? '' : ` (line ${line})`;
  };

  const visitFree = (tag: string, nodes: OrderedNode[]): void => {
    const allowed = TARGET_CONFIG_SHAPES[tag];
    for (const child of children(nodes)) {
      const where = at(child.tag);
      if (allowed && !allowed.has(child.tag)) {
        problems.push({ file, message: `<${tag}> has no element <${child.tag}>${where}` });
      } else if (TARGET_CONFIG_SHAPES[child.tag]) {
        visitFree(child.tag, child.nodes);
      }
    }
  };

  const visit = (owner: string, nodes: OrderedNode[]): void => {
    const shape = schema.get(owner);
    if (!shape || shape.kind !== 'object') return;
    for (const child of children(nodes)) {
      const where = at(child.tag);
      const property: PropertyType | undefined = shape.properties.get(child.tag);
      if (!property) {
        problems.push({ file, message: `<${owner}> has no element <${child.tag}>${where}` });
        continue;
      }
      if (owner === 'LightningComponentBundle' && child.tag === 'targetConfigs') {
        visitFree('targetConfigs', child.nodes);
        continue;
      }
      const text = textOf(child.nodes);
      if (property.kind === 'boolean' && text !== 'true' && text !== 'false') {
        problems.push({
          file,
          message: `<${child.tag}> must be true or false, not '${text}'${where}`
        });
      } else if (property.kind === 'number' && !/^-?\d+(\.\d+)?$/.test(text)) {
        problems.push({ file, message: `<${child.tag}> must be a number, not '${text}'${where}` });
      } else if (property.kind === 'ref') {
        const target = schema.get(property.name);
        if (target?.kind === 'enum') {
          if (!target.values.has(text)) {
            problems.push({
              file,
              message: `<${child.tag}> value '${text}' is not a ${property.name}${where}`
            });
          }
        } else if (target?.kind === 'object') {
          visit(property.name, child.nodes);
        }
      }
    }
  };
  visit(typeName, root.nodes);
  return problems;
}

export function checkSchema(root: string): CheckResult {
  const schema = loadMetadataSchema();
  const problems: Problem[] = [];
  let checked = 0;
  for (const path of metadataFiles(root)) {
    const file = rel(root, path);
    const typeName = metadataTypeOf(path);
    if (!typeName) {
      problems.push({ file, message: 'not a metadata file type the Salesforce CLI knows' });
      continue;
    }
    const xml = readFileSync(path, 'utf8');
    if (XMLValidator.validate(xml) !== true) continue; // reported by the xml check
    checked += 1;
    problems.push(...checkElements(schema, typeName, xml, file));
  }
  return {
    name: 'schema',
    summary: `${checked} files match the Metadata API schema`,
    problems,
    warnings: []
  };
}
