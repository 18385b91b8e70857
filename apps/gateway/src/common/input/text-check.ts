import { type FieldError, textProblem } from '@haven/contracts';

/** A query string checked before Express parses it. */
export function queryStringProblem(query: string): FieldError | undefined {
  const seen = new Set<string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    const rawName = separator < 0 ? pair : pair.slice(0, separator);
    const rawValue = separator < 0 ? '' : pair.slice(separator + 1);
    const name = decodeComponent(rawName);
    if (name === '') return { field: 'query', message: 'has a parameter without a name' };
    if (name === undefined) {
      return { field: 'query', message: 'has a parameter name that is not valid percent-encoded UTF-8' };
    }
    const nameMessage = textProblem(name);
    if (nameMessage) return { field: 'query', message: `has a parameter name that ${nameMessage}` };
    const value = decodeComponent(rawValue);
    if (value === undefined) return { field: name, message: 'is not valid percent-encoded UTF-8' };
    const valueMessage = textProblem(value);
    if (valueMessage) return { field: name, message: valueMessage };
    if (seen.has(name)) return { field: name, message: 'must be given once' };
    seen.add(name);
  }
  return undefined;
}

/** The path of a request: each segment must decode to text without control characters. */
export function pathProblem(path: string): string | undefined {
  for (const segment of path.split('/')) {
    const decoded = decodeComponent(segment, false);
    if (decoded === undefined) return 'The path is not valid percent-encoded UTF-8';
    if (textProblem(decoded)) return 'The path must not contain control characters or ill-formed Unicode';
  }
  return undefined;
}

function decodeComponent(text: string, plusIsSpace = true): string | undefined {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text);
  } catch {
    return undefined;
  }
}
