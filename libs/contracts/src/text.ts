/*
 * What the platform accepts as text, wherever it comes from (a body, a query string, a path, an RPC
 * request): no control characters, no bidirectional overrides, and well-formed Unicode. Only the
 * multi-line fields below may hold line breaks and tabs.
 */

/**
 * Fields whose text may span lines (a bio, a review comment, a reason or note to someone). Any
 * other text field refuses line breaks like every other control character.
 */
export const MULTILINE_TEXT_FIELDS: readonly string[] = ['bio', 'comment', 'reason', 'note', 'cancelReason'];

/** C0 and C1 control characters and DEL. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The same, less line feed, carriage return and tab. */
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Line and paragraph separators: line breaks by another name. */
const UNICODE_LINE_BREAKS = /[\u2028\u2029]/;
/** Bidirectional embeddings, overrides and isolates: they make text display as something it is not. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether `field` (a property name, the last segment of a path such as `overrides[0].note`) is multi-line. */
export function isMultilineField(field: string): boolean {
  const name =
    field
      .replace(/\[\d+\]$/, '')
      .split('.')
      .pop() ?? field;
  return MULTILINE_TEXT_FIELDS.includes(name);
}

/** What is wrong with a piece of text, as a message for the field, or undefined when it is fine. */
export function textProblem(text: string, options: { multiline?: boolean } = {}): string | undefined {
  if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (it holds a lone surrogate)';
  if (BIDI_CONTROLS.test(text)) return 'must not contain bidirectional override characters';
  if (
    (options.multiline ? CONTROL_BUT_LINE_BREAKS : CONTROL).test(text) ||
    (!options.multiline && UNICODE_LINE_BREAKS.test(text))
  ) {
    return options.multiline
      ? 'must not contain control characters other than line breaks and tabs'
      : 'must not contain control characters (line breaks included)';
  }
  return undefined;
}

/**
 * The first string of a value (a parsed body, an RPC request), keys included, that breaks the text
 * rules, naming its field the way validation does (`qualifications[1]`, `registration.number`).
 */
export function textProblemIn(value: unknown, field = ''): { field: string; message: string } | undefined {
  if (typeof value === 'string') {
    const message = textProblem(value, { multiline: isMultilineField(field) });
    return message ? { field: field || 'body', message } : undefined;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const problem = textProblemIn(value[index], `${field}[${index}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const child = field ? `${field}.${key}` : key;
      const keyMessage = textProblem(key);
      if (keyMessage) return { field: child, message: `has a name that ${keyMessage}` };
      const problem = textProblemIn(item, child);
      if (problem) return problem;
    }
  }
  return undefined;
}
