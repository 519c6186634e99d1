/**
 * The Metadata API's element schema, derived from @salesforce/types' lib/metadata.d.ts (which
 * is generated from the Metadata API WSDL). It says which child elements a type allows and
 * which values an enumeration takes. It has no element order and marks lists as required, so
 * it answers "is this element allowed here", never "is this element required".
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';

export type ValueKind = 'string' | 'number' | 'boolean' | 'unknown';

export type PropertyType = { kind: ValueKind } | { kind: 'ref'; name: string };

export type TypeShape =
  { kind: 'object'; properties: Map<string, PropertyType> } | { kind: 'enum'; values: Set<string> };

export type MetadataSchema = Map<string, TypeShape>;

function propertyType(node: ts.TypeNode): PropertyType {
  if (ts.isArrayTypeNode(node)) return propertyType(node.elementType);
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
    return { kind: 'ref', name: node.typeName.text };
  }
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { kind: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { kind: 'number' };
    case ts.SyntaxKind.BooleanKeyword:
      return { kind: 'boolean' };
    default:
      return { kind: 'unknown' };
  }
}

function collect(
  node: ts.TypeNode,
  aliases: Map<string, ts.TypeNode>,
  into: Map<string, PropertyType>
): void {
  if (ts.isIntersectionTypeNode(node)) {
    for (const part of node.types) collect(part, aliases, into);
  } else if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
    const base = aliases.get(node.typeName.text);
    if (base) collect(base, aliases, into);
  } else if (ts.isTypeLiteralNode(node)) {
    for (const member of node.members) {
      if (ts.isPropertySignature(member) && member.type && ts.isIdentifier(member.name)) {
        into.set(member.name.text, propertyType(member.type));
      }
    }
  }
}

function enumValues(node: ts.TypeNode): Set<string> | undefined {
  const parts = ts.isUnionTypeNode(node) ? node.types : [node];
  const values = new Set<string>();
  for (const part of parts) {
    if (ts.isLiteralTypeNode(part) && ts.isStringLiteral(part.literal))
      values.add(part.literal.text);
    else return undefined;
  }
  return values;
}

export function parseMetadataSchema(source: string): MetadataSchema {
  const file = ts.createSourceFile('metadata.d.ts', source, ts.ScriptTarget.Latest, false);
  const aliases = new Map<string, ts.TypeNode>();
  file.forEachChild((node) => {
    if (ts.isTypeAliasDeclaration(node)) aliases.set(node.name.text, node.type);
  });
  const schema: MetadataSchema = new Map();
  for (const [name, node] of aliases) {
    const values = enumValues(node);
    if (values) {
      schema.set(name, { kind: 'enum', values });
    } else {
      const properties = new Map<string, PropertyType>();
      collect(node, aliases, properties);
      schema.set(name, { kind: 'object', properties });
    }
  }
  return schema;
}

let cached: MetadataSchema | undefined;

export function loadMetadataSchema(): MetadataSchema {
  if (!cached) {
    // The package's exports map hides lib/*.d.ts; resolve its metadata entry and take the
    // declaration file beside it.
    const require = createRequire(import.meta.url);
    const path = join(dirname(require.resolve('@salesforce/types/metadata')), 'metadata.d.ts');
    cached = parseMetadataSchema(readFileSync(path, 'utf8'));
  }
  return cached;
}
