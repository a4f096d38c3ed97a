/**
 * Validate the request body at the edge. Every rejection names the field, what was expected and
 * what was given, so the caller can fix the request (a 400), instead of the handler failing later
 * with a KeyError-style 500 as the chapter's Python version does.
 */
export interface Order {
  id: string;
  name: string;
}

export type Parsed = { ok: true; order: Order } | { ok: false; error: string };

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const NAME_MAX = 200;

export function parseOrder(body: string | null, isBase64Encoded = false): Parsed {
  if (body === null || body.trim() === '') {
    return fail('Request body is required: send JSON like {"id": "123", "name": "test"}.');
  }
  const text = isBase64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return fail(`Request body is not valid JSON (${(err as Error).message}).`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail(`Request body must be a JSON object, got ${describe(data)}.`);
  }
  const { id, name } = data as Record<string, unknown>;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    return fail(`Field "id" must be a string of 1 to 64 letters, digits, "-" or "_", got ${describe(id)}.`);
  }
  if (typeof name !== 'string' || name.trim() === '' || name.length > NAME_MAX) {
    return fail(`Field "name" must be a non-empty string of at most ${NAME_MAX} characters, got ${describe(name)}.`);
  }
  return { ok: true, order: { id, name } };
}

function fail(error: string): Parsed {
  return { ok: false, error };
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `a string of ${value.length} characters` : `"${value}"`;
  return `${typeof value} ${JSON.stringify(value)}`;
}
