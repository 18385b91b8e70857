import { isUtf8 } from 'node:buffer';

/** Keys that would reach an object's prototype machinery if anything ever merged the body into one. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface JsonShapeLimits {
  /** Deepest nesting of objects and arrays (the body itself is level 1). */
  maxDepth: number;
  /** Object members and array elements, all levels together. */
  maxEntries: number;
  /** Members of any one object (validating thousands of unknown fields one by one is slow). */
  maxKeysPerObject: number;
  /** Elements of any one array (likewise for the entries of a list field). */
  maxArrayLength: number;
}

export interface JsonShapeProblem {
  /** The offending field, when there is one (`registration.__proto__`); the message then says what is wrong with it. */
  field?: string;
  message: string;
}

interface Frame {
  kind: 'object' | 'array';
  /** How this container is reached from its parent (`.key` or `[3]`), for messages. */
  label: string;
  keys: Set<string>;
  index: number;
  /** The key just read in this object, until its value is done. */
  key?: string;
}

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

/**
 * Checks the raw bytes of a JSON body before anything parses or validates it: well-formed UTF-8,
 * nesting no deeper than `maxDepth`, at most `maxEntries` members and elements, at most
 * `maxKeysPerObject` members in one object and `maxArrayLength` elements in one array, no key twice in one object and no prototype key. One linear pass, stopping at the first problem, so a hostile body
 * costs no more than reading it. Syntax errors are left to the parser.
 */
export function jsonShapeProblem(bytes: Buffer, limits: JsonShapeLimits): JsonShapeProblem | undefined {
  if (!isUtf8(bytes)) return { message: 'Request body is not well-formed UTF-8' };
  const stack: Frame[] = [];
  let entries = 0;
  let position = 0;
  while (position < bytes.length) {
    const byte = bytes[position];
    if (byte === QUOTE) {
      const end = stringEnd(bytes, position);
      const top = stack[stack.length - 1];
      if (top?.kind === 'object' && top.key === undefined && nextNonSpace(bytes, end) === COLON) {
        const key = decodeKey(bytes, position, end);
        if (key === undefined) return undefined; // malformed: the parser will say so
        const field = (pathOf(stack) + memberLabel(key)).replace(/^\./, '');
        if (FORBIDDEN_KEYS.has(key)) return { field, message: 'is not allowed' };
        if (top.keys.has(key)) return { field, message: 'is given more than once' };
        top.keys.add(key);
        top.key = key;
        if (top.keys.size > limits.maxKeysPerObject) {
          const where = pathOf(stack).replace(/^\./, '');
          return {
            ...(where ? { field: where } : {}),
            message: where
              ? `has too many fields (at most ${limits.maxKeysPerObject})`
              : `Request body has too many fields (at most ${limits.maxKeysPerObject})`,
          };
        }
        if (++entries > limits.maxEntries) return tooMany(limits);
      }
      position = end;
      continue;
    }
    if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      const parent = stack[stack.length - 1];
      const label = parent ? childLabel(parent) : '';
      if (stack.length + 1 > limits.maxDepth) {
        return { message: `Request body is nested too deeply (at most ${limits.maxDepth} levels)` };
      }
      stack.push({ kind: byte === OPEN_OBJECT ? 'object' : 'array', label, keys: new Set(), index: 0 });
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      stack.pop();
    } else if (byte === COMMA) {
      const top = stack[stack.length - 1];
      if (top?.kind === 'array') {
        top.index += 1;
        if (++entries > limits.maxEntries) return tooMany(limits);
        if (top.index >= limits.maxArrayLength) return tooLong(stack, limits);
      } else if (top) {
        top.key = undefined;
      }
    }
    position += 1;
  }
  return undefined;
}

function tooLong(stack: Frame[], limits: JsonShapeLimits): JsonShapeProblem {
  const where = pathOf(stack).replace(/^\./, '');
  const message = `has too many elements (at most ${limits.maxArrayLength})`;
  return where ? { field: where, message } : { message: `Request body ${message}` };
}

function tooMany(limits: JsonShapeLimits): JsonShapeProblem {
  return { message: `Request body has too many fields and elements (at most ${limits.maxEntries})` };
}

/** The index just past the closing quote of the string starting at `start` (or the end of the input). */
function stringEnd(bytes: Buffer, start: number): number {
  let position = start + 1;
  while (position < bytes.length) {
    const byte = bytes[position];
    if (byte === BACKSLASH) position += 2;
    else if (byte === QUOTE) return position + 1;
    else position += 1;
  }
  return bytes.length;
}

function nextNonSpace(bytes: Buffer, start: number): number | undefined {
  for (let position = start; position < bytes.length; position += 1) {
    const byte = bytes[position];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return byte;
  }
  return undefined;
}

/** The key as JSON.parse would read it (escapes such as `\u005f` included). */
function decodeKey(bytes: Buffer, start: number, end: number): string | undefined {
  const literal = bytes.toString('utf8', start, end);
  if (!literal.includes('\\')) return literal.slice(1, -1);
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}

function childLabel(parent: Frame): string {
  return parent.kind === 'array' ? `[${parent.index}]` : memberLabel(parent.key ?? '');
}

function memberLabel(key: string): string {
  return `.${key}`;
}

function pathOf(stack: Frame[]): string {
  return stack.map((frame) => frame.label).join('');
}
