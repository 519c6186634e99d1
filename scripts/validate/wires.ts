/**
 * (f) Every `@wire(graphql, { query, variables: '$getter' })` supplies every variable its query
 * declares without a default. The LWC Developer Guide's GraphQL wire adapter reference: the
 * `variables` object must contain a value for each variable without a default, or the request
 * fails on the server ("Variable '$after' … was not provided"), which no test with stubbed
 * wires can see.
 *
 * The check reads the type of each value the getter returns, with the TypeScript checker (a
 * getter that returns undefined does not fire the wire). A value typed only as
 * `Record<string, …>` says nothing about its keys and is reported, so every wire stays
 * checkable.
 */
import { readFileSync } from 'node:fs';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import ts from 'typescript';
import { LWC_DIR } from './lwc';
import { type CheckResult, type Problem, rel, walk } from './problems';
import { join, resolve } from 'node:path';

export interface SourceFile {
  file: string;
  text: string;
}

interface QueryInfo {
  operation: string;
  /** Variables declared without a default value. */
  required: string[];
}

function queriesByConstant(sources: SourceFile[]): Map<string, QueryInfo | 'unparsable'> {
  const queries = new Map<string, QueryInfo | 'unparsable'>();
  for (const { file, text } of sources) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer &&
        ts.isTaggedTemplateExpression(node.initializer) &&
        node.initializer.tag.getText(source) === 'gql' &&
        ts.isNoSubstitutionTemplateLiteral(node.initializer.template)
      ) {
        try {
          const operation = parse(node.initializer.template.text).definitions.find(
            (definition): definition is OperationDefinitionNode =>
              definition.kind === Kind.OPERATION_DEFINITION
          );
          queries.set(node.name.text, {
            operation: operation?.name?.value ?? node.name.text,
            required: (operation?.variableDefinitions ?? [])
              .filter((definition) => !definition.defaultValue)
              .map((definition) => definition.variable.name.value)
          });
        } catch {
          // A query that does not parse is reported by the references check.
          queries.set(node.name.text, 'unparsable');
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return queries;
}

/**
 * The variable sets a type allows: an object type gives its required (non-optional)
 * properties, undefined/null none (the wire does not fire), a union each member. A type with
 * an index signature (`Record<string, unknown>`) says nothing about its keys: null.
 */
function variableSets(checker: ts.TypeChecker, type: ts.Type): Set<string>[] | null {
  if (type.isUnion()) {
    const sets: Set<string>[] = [];
    for (const member of type.types) {
      const found = variableSets(checker, member);
      if (!found) return null;
      sets.push(...found);
    }
    return sets;
  }
  if (type.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)) return [];
  if (checker.getIndexInfosOfType(type).length > 0) return null;
  const required = checker
    .getPropertiesOfType(type)
    .filter((property) => !(property.flags & ts.SymbolFlags.Optional))
    .map((property) => property.name);
  return [new Set(required)];
}

/** Every variable set the getter's return statements produce; null when one is unreadable. */
function returnedKeys(
  checker: ts.TypeChecker,
  getter: ts.GetAccessorDeclaration
): Set<string>[] | null {
  const sets: Set<string>[] = [];
  let readable = true;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && node !== getter) return;
    if (ts.isReturnStatement(node) && node.expression) {
      // The returned expression's own type, not the getter's declared Record<string, unknown>.
      const found = variableSets(checker, checker.getTypeAtLocation(node.expression));
      if (found) sets.push(...found);
      else readable = false;
    }
    ts.forEachChild(node, visit);
  };
  if (getter.body) visit(getter.body);
  return readable ? sets : null;
}

/** A type-checked program over the given sources (in memory), resolving the rest from disk. */
function programOf(root: string, sources: SourceFile[]): ts.Program {
  const configPath = join(root, 'tsconfig.build.json');
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config.config ?? {}, ts.sys, root);
  const inMemory = new Map(sources.map((source) => [resolve(root, source.file), source.text]));
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (path) => inMemory.get(resolve(path)) ?? readFile(path);
  host.fileExists = (path) => inMemory.has(resolve(path)) || fileExists(path);
  host.getSourceFile = (path, language, onError, create) => {
    const text = inMemory.get(resolve(path));
    return text !== undefined
      ? ts.createSourceFile(path, text, language, true)
      : getSourceFile(path, language, onError, create);
  };
  return ts.createProgram([...inMemory.keys()], { ...options, noEmit: true }, host);
}

function wireConfig(
  decorator: ts.Decorator
): { query: string; variables: string; line: ts.Node } | null {
  const call = decorator.expression;
  if (!ts.isCallExpression(call) || call.expression.getText() !== 'wire') return null;
  const [adapter, config] = call.arguments;
  if (!adapter || adapter.getText() !== 'graphql' || !config) return null;
  if (!ts.isObjectLiteralExpression(config)) return null;
  let query = '';
  let variables = '';
  for (const property of config.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
    if (property.name.text === 'query' && ts.isIdentifier(property.initializer))
      query = property.initializer.text;
    if (property.name.text === 'variables' && ts.isStringLiteral(property.initializer))
      variables = property.initializer.text;
  }
  return query ? { query, variables, line: decorator } : null;
}

export function wireVariableProblems(root: string, sources: SourceFile[]): Problem[] {
  const queries = queriesByConstant(sources);
  const program = programOf(root, sources);
  const checker = program.getTypeChecker();
  const problems: Problem[] = [];
  for (const { file } of sources) {
    const source = program.getSourceFile(resolve(root, file));
    if (!source) continue;
    const lineOf = (node: ts.Node): number =>
      source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const visitClass = (node: ts.Node): void => {
      if (ts.isClassDeclaration(node)) {
        const getters = new Map<string, ts.GetAccessorDeclaration>();
        for (const member of node.members) {
          if (ts.isGetAccessorDeclaration(member) && ts.isIdentifier(member.name))
            getters.set(member.name.text, member);
        }
        for (const member of node.members) {
          for (const decorator of ts.getDecorators(member as ts.HasDecorators) ?? []) {
            const wire = wireConfig(decorator);
            if (!wire) continue;
            const where = `wire at line ${lineOf(wire.line)} (${wire.query})`;
            const query = queries.get(wire.query);
            if (query === 'unparsable') continue;
            if (!query) {
              problems.push({ file, message: `${where}: no gql query named ${wire.query}` });
              continue;
            }
            if (query.required.length === 0) continue;
            if (!wire.variables.startsWith('$')) {
              problems.push({
                file,
                message: `${where}: query ${query.operation} declares variables without defaults (${query.required.join(', ')}); pass them through a '$getter'`
              });
              continue;
            }
            const getter = getters.get(wire.variables.slice(1));
            const returned = getter ? returnedKeys(checker, getter) : null;
            if (!getter || !returned) {
              problems.push({
                file,
                message: `${where}: the getter ${wire.variables.slice(1)} must return a typed object (not Record<string, …>) or undefined, so its variables can be checked`
              });
              continue;
            }
            for (const keys of returned) {
              for (const variable of query.required.filter((name) => !keys.has(name))) {
                problems.push({
                  file,
                  message: `${where}: ${wire.variables} does not pass "${variable}", which query ${query.operation} declares without a default; pass it (null is fine) or give it a default in the query`
                });
              }
            }
          }
        }
      }
      ts.forEachChild(node, visitClass);
    };
    visitClass(source);
  }
  return problems;
}

export function checkWires(root: string): CheckResult {
  const sources: SourceFile[] = [];
  for (const path of walk(join(root, LWC_DIR), (name) => name === '__tests__')) {
    if (path.endsWith('.ts') && !path.endsWith('.d.ts'))
      sources.push({ file: rel(root, path), text: readFileSync(path, 'utf8') });
  }
  const problems = [
    ...new Set(wireVariableProblems(root, sources).map((p) => JSON.stringify(p)))
  ].map((entry) => JSON.parse(entry) as Problem);
  const wires = sources.reduce(
    (count, source) => count + (source.text.match(/@wire\(graphql/g)?.length ?? 0),
    0
  );
  return {
    name: 'wires',
    summary: `${wires} GraphQL wires pass every variable their queries declare without a default`,
    problems,
    warnings: []
  };
}
