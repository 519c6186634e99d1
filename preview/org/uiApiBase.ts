/**
 * Salesforce's shared UI API schema (uiApiSharedSchema.ts) as graphql-js types, built once.
 *
 * Two adjustments, both mechanical:
 * - Definitions marked `@generic` are templates the platform instantiates per object
 *   (`RecordScope` becomes `<Object>Scope`, and so on). They are left out here; the per-object
 *   schema (schema.ts) generates the instances.
 * - Custom scalars from SDL accept anything. Date, DateTime and the numeric scalars get the
 *   checks the API applies to variables and literals, so a malformed date fails as it would in
 *   an org. Names, fields and types stay exactly as published.
 */
import {
  buildASTSchema,
  GraphQLError,
  GraphQLScalarType,
  Kind,
  parse,
  type DefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema
} from 'graphql';
import { SHARED_SCHEMA_SDL } from './uiApiSharedSchema';

export interface SharedSchema {
  schema: GraphQLSchema;
  /** Names of the `@generic` templates left out of `schema`. */
  genericTypeNames: string[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const STRING_PATTERNS: Record<string, RegExp> = { Date: ISO_DATE, DateTime: ISO_DATE_TIME };
const NUMBER_SCALARS: Record<string, 'integer' | 'number'> = {
  Currency: 'number',
  Double: 'number',
  Percent: 'number',
  Long: 'integer',
  Latitude: 'number',
  Longitude: 'number'
};

function isGeneric(definition: DefinitionNode): boolean {
  return (
    'directives' in definition &&
    (definition.directives ?? []).some((directive) => directive.name.value === 'generic')
  );
}

function definitionName(definition: DefinitionNode): string | undefined {
  return 'name' in definition && definition.name ? definition.name.value : undefined;
}

/** Gives a scalar built from SDL the value checks of the real one (in place: types refer to it). */
function withChecks(scalar: GraphQLScalarType): void {
  const pattern = STRING_PATTERNS[scalar.name];
  const numeric = NUMBER_SCALARS[scalar.name];
  if (!pattern && !numeric) return;
  const check = (value: unknown): unknown => {
    if (pattern) {
      if (typeof value === 'string' && pattern.test(value)) return value;
    } else {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (
        typeof number === 'number' &&
        Number.isFinite(number) &&
        (numeric !== 'integer' || Number.isInteger(number))
      ) {
        return number;
      }
    }
    throw new GraphQLError(`${scalar.name} cannot represent value: ${JSON.stringify(value)}`);
  };
  Object.assign(scalar, {
    parseValue: check,
    parseLiteral: (ast: { kind: Kind; value?: string }) => {
      const literal =
        ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT
          ? ast.value
          : undefined;
      if (literal === undefined || (pattern && ast.kind !== Kind.STRING)) {
        throw new GraphQLError(
          `${scalar.name} cannot represent a non-${pattern ? 'string' : 'numeric'} value`
        );
      }
      return check(literal);
    }
  });
}

let built: SharedSchema | null = null;

export function sharedSchema(): SharedSchema {
  if (built) return built;
  const document = parseShared(SHARED_SCHEMA_SDL);
  const genericTypeNames: string[] = [];
  const definitions = document.definitions.filter((definition) => {
    if (!isGeneric(definition)) return true;
    const name = definitionName(definition);
    if (name) genericTypeNames.push(name);
    return false;
  });
  const schema = buildASTSchema({ ...document, definitions });
  for (const type of Object.values(schema.getTypeMap())) {
    if (type instanceof GraphQLScalarType) withChecks(type);
  }
  built = { schema, genericTypeNames };
  return built;
}

/**
 * `enum RecordScope @generic {}` has no values, which the GraphQL grammar does not allow; the
 * template is dropped anyway, so its empty body is removed before parsing.
 */
function parseShared(sdl: string): ReturnType<typeof parse> {
  return parse(sdl.replace(/(enum\s+\w+\s+@generic\s*)\{\s*\}/g, '$1'));
}

/** A type of the shared schema by name; a missing one is a bug in our reading of it. */
export function sharedType<T extends GraphQLNamedType>(
  name: string,
  kind: new (...args: never[]) => T
): T {
  const type = sharedSchema().schema.getType(name);
  if (!(type instanceof kind)) {
    throw new Error(`The UI API shared schema has no ${kind.name.replace(/^GraphQL/, '')} ${name}`);
  }
  return type;
}
