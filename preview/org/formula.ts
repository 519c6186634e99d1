/**
 * A small evaluator for the subset of the Salesforce formula language our metadata uses, so
 * the in-memory org enforces validation rules and computes formula fields from the very
 * formulas in force-app instead of a hand-copied table that could drift.
 *
 * Supported: literals (numbers, 'text', "text", TRUE, FALSE, NULL), field references
 * (Field__c, Parent__r.Field), $User.Id, operators + - * / ^ & = == != <> < <= > >= && || !,
 * and the functions listed in FUNCTIONS below. Dates are ISO strings; date − date is days.
 */
import { epochDay } from '../../data/dates';

export type FormulaValue = string | number | boolean | null;

export interface FormulaContext {
  /** Reads a field, or a dotted path through parent relationships, of the record. */
  field(path: string): FormulaValue;
  /** Today's date (ISO), so rules can be tested against a fixed day. */
  today: string;
  userId?: string;
  isNew?: boolean;
  /** The value before the change being saved (for ISCHANGED and PRIORVALUE). */
  prior?(path: string): FormulaValue;
}

type Node =
  | { kind: 'literal'; value: FormulaValue }
  | { kind: 'field'; path: string }
  | { kind: 'call'; name: string; args: Node[] }
  | { kind: 'unary'; op: string; operand: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node };

interface Token {
  type: 'number' | 'string' | 'ident' | 'op' | 'paren' | 'comma' | 'end';
  text: string;
}

export class FormulaError extends Error {}

const OPERATORS = [
  '&&',
  '||',
  '==',
  '!=',
  '<>',
  '<=',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '^',
  '&',
  '=',
  '<',
  '>',
  '!'
];

const SPLIT_OPERATOR = /^([<>!])\s+=/;

/**
 * Comparison operators written with a space inside ("< =", "> ="). Prettier's XML plugin
 * (xmlWhitespaceSensitivity: ignore) rewrites "&lt;=" that way when it re-wraps a formula;
 * the evaluator reads them as meant, and the build warns, because the platform's formula
 * parser may reject them on deploy.
 */
export function splitOperators(source: string): string[] {
  return source.match(/[<>!]\s+=/g) ?? [];
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (/\s/.test(char)) {
      i++;
    } else if (char === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (/[0-9.]/.test(char)) {
      let j = i;
      while (j < source.length && /[0-9.]/.test(source[j])) j++;
      tokens.push({ type: 'number', text: source.slice(i, j) });
      i = j;
    } else if (char === '"' || char === "'") {
      let j = i + 1;
      let text = '';
      while (j < source.length && source[j] !== char) {
        if (source[j] === '\\' && j + 1 < source.length) j++;
        text += source[j];
        j++;
      }
      tokens.push({ type: 'string', text });
      i = j + 1;
    } else if (/[A-Za-z_$]/.test(char)) {
      let j = i;
      while (j < source.length && /[A-Za-z0-9_.$]/.test(source[j])) j++;
      tokens.push({ type: 'ident', text: source.slice(i, j) });
      i = j;
    } else if (char === '(' || char === ')') {
      tokens.push({ type: 'paren', text: char });
      i++;
    } else if (char === ',') {
      tokens.push({ type: 'comma', text: char });
      i++;
    } else {
      const split = SPLIT_OPERATOR.exec(source.slice(i));
      if (split) {
        // "< =" for "<=": what Prettier's XML formatting makes of "&lt;=" (see splitOperators).
        tokens.push({ type: 'op', text: `${split[1]}=` });
        i += split[0].length;
        continue;
      }
      const op = OPERATORS.find((candidate) => source.startsWith(candidate, i));
      if (!op) throw new FormulaError(`Unexpected character "${char}" in formula`);
      tokens.push({ type: 'op', text: op });
      i += op.length;
    }
  }
  tokens.push({ type: 'end', text: '' });
  return tokens;
}

/** Precedence climbing, loosest first, as the formula language orders them. */
const BINARY_LEVELS: string[][] = [
  ['||'],
  ['&&'],
  ['=', '==', '!=', '<>'],
  ['<', '<=', '>', '>='],
  ['+', '-', '&'],
  ['*', '/'],
  ['^']
];

export function parseFormula(source: string): Node {
  const tokens = tokenize(source);
  let position = 0;
  const peek = (): Token => tokens[position];
  const take = (): Token => tokens[position++];

  const parseLevel = (level: number): Node => {
    if (level >= BINARY_LEVELS.length) return parseUnary();
    let left = parseLevel(level + 1);
    while (peek().type === 'op' && BINARY_LEVELS[level].includes(peek().text)) {
      const op = take().text;
      const right = parseLevel(level + 1);
      left = { kind: 'binary', op, left, right };
    }
    return left;
  };

  const parseUnary = (): Node => {
    const token = peek();
    if (token.type === 'op' && (token.text === '-' || token.text === '!' || token.text === '+')) {
      take();
      return { kind: 'unary', op: token.text, operand: parseUnary() };
    }
    return parsePrimary();
  };

  const parsePrimary = (): Node => {
    const token = take();
    switch (token.type) {
      case 'number':
        return { kind: 'literal', value: Number(token.text) };
      case 'string':
        return { kind: 'literal', value: token.text };
      case 'paren': {
        if (token.text !== '(') break;
        const inner = parseLevel(0);
        expect(')');
        return inner;
      }
      case 'ident': {
        const upper = token.text.toUpperCase();
        if (peek().type === 'paren' && peek().text === '(') {
          take();
          const args: Node[] = [];
          if (!(peek().type === 'paren' && peek().text === ')')) {
            args.push(parseLevel(0));
            while (peek().type === 'comma') {
              take();
              args.push(parseLevel(0));
            }
          }
          expect(')');
          return { kind: 'call', name: upper, args };
        }
        if (upper === 'TRUE') return { kind: 'literal', value: true };
        if (upper === 'FALSE') return { kind: 'literal', value: false };
        if (upper === 'NULL') return { kind: 'literal', value: null };
        return { kind: 'field', path: token.text };
      }
      default:
        break;
    }
    throw new FormulaError(`Unexpected "${token.text || 'end of formula'}" in formula`);
  };

  const expect = (text: string): void => {
    const token = take();
    if (token.text !== text) throw new FormulaError(`Expected "${text}" in formula`);
  };

  const tree = parseLevel(0);
  if (peek().type !== 'end') throw new FormulaError(`Unexpected "${peek().text}" in formula`);
  return tree;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;
const DAY_MS = 86_400_000;

function isBlank(value: FormulaValue): boolean {
  return value === null || value === '';
}

function toTime(value: string): number {
  // A date by calendar arithmetic: formulas run on every record a large org's queries read.
  return ISO_DATE.test(value) ? epochDay(value) * DAY_MS : Date.parse(value);
}

function isDateLike(value: FormulaValue): value is string {
  return typeof value === 'string' && (ISO_DATE.test(value) || ISO_DATE_TIME.test(value));
}

function addDaysTo(value: string, days: number): string {
  const time = toTime(value) + days * DAY_MS;
  const iso = new Date(time).toISOString();
  return ISO_DATE.test(value) ? iso.slice(0, 10) : iso;
}

function compare(left: FormulaValue, right: FormulaValue): number | null {
  if (left === null || right === null) return null;
  if (isDateLike(left) && isDateLike(right)) return toTime(left) - toTime(right);
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  const a = String(left);
  const b = String(right);
  return a === b ? 0 : a < b ? -1 : 1;
}

function equals(left: FormulaValue, right: FormulaValue): boolean {
  if (isBlank(left) || isBlank(right)) return isBlank(left) && isBlank(right);
  return compare(left, right) === 0;
}

function toNumber(value: FormulaValue): number | null {
  if (value === null || value === '') return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const parsed = Number(value);
  return Number.isNaN(parsed) ? null : parsed;
}

function toBoolean(value: FormulaValue): boolean {
  return value === true;
}

type FormulaFunction = (
  args: Node[],
  evaluate: (node: Node) => FormulaValue,
  context: FormulaContext
) => FormulaValue;

const FUNCTIONS: Record<string, FormulaFunction> = {
  AND: (args, evaluate) => args.every((arg) => toBoolean(evaluate(arg))),
  OR: (args, evaluate) => args.some((arg) => toBoolean(evaluate(arg))),
  NOT: (args, evaluate) => !toBoolean(evaluate(args[0])),
  IF: (args, evaluate) => (toBoolean(evaluate(args[0])) ? evaluate(args[1]) : evaluate(args[2])),
  ISBLANK: (args, evaluate) => isBlank(evaluate(args[0])),
  ISNULL: (args, evaluate) => isBlank(evaluate(args[0])),
  BLANKVALUE: (args, evaluate) => {
    const value = evaluate(args[0]);
    return isBlank(value) ? evaluate(args[1]) : value;
  },
  NULLVALUE: (args, evaluate) => {
    const value = evaluate(args[0]);
    return isBlank(value) ? evaluate(args[1]) : value;
  },
  ISPICKVAL: (args, evaluate) => {
    const value = evaluate(args[0]);
    return (value ?? '') === (evaluate(args[1]) ?? '');
  },
  INCLUDES: (args, evaluate) => {
    const value = evaluate(args[0]);
    const wanted = evaluate(args[1]);
    return typeof value === 'string' && value.split(';').includes(String(wanted));
  },
  TEXT: (args, evaluate) => {
    const value = evaluate(args[0]);
    return value === null ? '' : String(value);
  },
  VALUE: (args, evaluate) => toNumber(evaluate(args[0])),
  LEN: (args, evaluate) => String(evaluate(args[0]) ?? '').length,
  ABS: (args, evaluate) => {
    const value = toNumber(evaluate(args[0]));
    return value === null ? null : Math.abs(value);
  },
  ROUND: (args, evaluate) => {
    const value = toNumber(evaluate(args[0]));
    const digits = toNumber(evaluate(args[1])) ?? 0;
    return value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
  },
  MAX: (args, evaluate) => {
    const values = args.map((arg) => toNumber(evaluate(arg)));
    return values.some((value) => value === null) ? null : Math.max(...(values as number[]));
  },
  MIN: (args, evaluate) => {
    const values = args.map((arg) => toNumber(evaluate(arg)));
    return values.some((value) => value === null) ? null : Math.min(...(values as number[]));
  },
  TODAY: (_args, _evaluate, context) => context.today,
  NOW: (_args, _evaluate, context) => `${context.today}T12:00:00.000Z`,
  DATEVALUE: (args, evaluate) => {
    const value = evaluate(args[0]);
    return typeof value === 'string' && value.length >= 10 ? value.slice(0, 10) : null;
  },
  DATE: (args, evaluate) => {
    const [year, month, day] = args.map((arg) => toNumber(evaluate(arg)));
    if (year === null || month === null || day === null) return null;
    return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
  },
  YEAR: (args, evaluate) => datePart(evaluate(args[0]), 0, 4),
  MONTH: (args, evaluate) => datePart(evaluate(args[0]), 5, 7),
  DAY: (args, evaluate) => datePart(evaluate(args[0]), 8, 10),
  ISNEW: (_args, _evaluate, context) => context.isNew === true,
  ISCHANGED: (args, evaluate, context) => {
    const node = args[0];
    if (node.kind !== 'field' || !context.prior || context.isNew) return false;
    return !equals(evaluate(node), context.prior(node.path));
  },
  PRIORVALUE: (args, evaluate, context) => {
    const node = args[0];
    if (node.kind !== 'field' || !context.prior || context.isNew) return evaluate(node);
    return context.prior(node.path);
  },
  REGEX: (args, evaluate) => {
    const value = evaluate(args[0]);
    const pattern = evaluate(args[1]);
    return new RegExp(`^(?:${String(pattern)})$`).test(String(value ?? ''));
  }
};

function datePart(value: FormulaValue, from: number, to: number): number | null {
  return isDateLike(value) ? Number(value.slice(from, to)) : null;
}

/** The functions a formula calls that this evaluator does not implement. */
export function unsupportedFunctions(source: string): string[] {
  const missing = new Set<string>();
  const visit = (node: Node): void => {
    if (node.kind === 'call') {
      if (!FUNCTIONS[node.name]) missing.add(node.name);
      node.args.forEach(visit);
    } else if (node.kind === 'unary') visit(node.operand);
    else if (node.kind === 'binary') {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(parseFormula(source));
  return [...missing];
}

const parsedCache = new Map<string, Node>();

export function evaluateFormula(source: string, context: FormulaContext): FormulaValue {
  let tree = parsedCache.get(source);
  if (!tree) {
    tree = parseFormula(source);
    parsedCache.set(source, tree);
  }
  const evaluate = (node: Node): FormulaValue => {
    switch (node.kind) {
      case 'literal':
        return node.value;
      case 'field':
        if (node.path === '$User.Id') return context.userId ?? null;
        return context.field(node.path);
      case 'call': {
        const fn = FUNCTIONS[node.name];
        if (!fn) throw new FormulaError(`Unsupported formula function ${node.name}`);
        return fn(node.args, evaluate, context);
      }
      case 'unary': {
        const value = evaluate(node.operand);
        if (node.op === '!') return !toBoolean(value);
        const number = toNumber(value);
        if (number === null) return null;
        return node.op === '-' ? -number : number;
      }
      case 'binary':
        return evaluateBinary(node.op, evaluate(node.left), evaluate(node.right));
    }
  };
  return evaluate(tree);
}

function evaluateBinary(op: string, left: FormulaValue, right: FormulaValue): FormulaValue {
  switch (op) {
    case '&&':
      return toBoolean(left) && toBoolean(right);
    case '||':
      return toBoolean(left) || toBoolean(right);
    case '=':
    case '==':
      return equals(left, right);
    case '!=':
    case '<>':
      return !equals(left, right);
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const order = compare(left, right);
      if (order === null) return false;
      if (op === '<') return order < 0;
      if (op === '<=') return order <= 0;
      if (op === '>') return order > 0;
      return order >= 0;
    }
    case '&':
      return `${left ?? ''}${right ?? ''}`;
    case '+':
    case '-': {
      if (isDateLike(left) && isDateLike(right) && op === '-') {
        return Math.round((toTime(left) - toTime(right)) / DAY_MS);
      }
      if (isDateLike(left)) {
        const days = toNumber(right);
        return days === null ? null : addDaysTo(left, op === '+' ? days : -days);
      }
      const a = toNumber(left);
      const b = toNumber(right);
      if (a === null || b === null) return null;
      return op === '+' ? a + b : a - b;
    }
    default: {
      const a = toNumber(left);
      const b = toNumber(right);
      if (a === null || b === null) return null;
      if (op === '*') return a * b;
      if (op === '/') return b === 0 ? null : a / b;
      return a ** b;
    }
  }
}
