import { pointerOf, type JsonPath } from './json-pointer.js';

/**
 * The most arrays and objects inside one another that a JSON value we take may have: a request body
 * at the HTTP edge, an event's data in decoding. Ours nest a few levels; a recursive walk (ours,
 * class-transformer's, a canonicaliser's) overflows the stack some thousands deep, which a body of
 * a few kilobytes (`[[[[…]]]]`) reaches.
 */
export const MAX_JSON_NESTING = 64;

interface Container {
  readonly value: object;
  /** Undefined for the value itself. */
  readonly path: JsonPath | undefined;
  readonly depth: number;
}

/**
 * The JSON Pointer of the first array or object (in document order) nested deeper than `limit`
 * (the value itself, when an array or object, is at depth 1), or undefined when there is none.
 * Iterative: any depth is walked without deepening the stack, and the walk stops at the first one.
 */
export function tooDeeplyNestedAt(value: unknown, limit = MAX_JSON_NESTING): string | undefined {
  // Decoding asks this of every event: the common answer is found without building any path.
  if (!nestsDeeperThan(value, limit)) return undefined;
  const stack: Container[] = [{ value: value as object, path: undefined, depth: 1 }];
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    if (at.depth > limit) return pointerOf(at.path);
    const { path, depth } = at;
    const push = (token: string, member: unknown) => {
      if (isContainer(member)) stack.push({ value: member, path: { parent: path, token }, depth: depth + 1 });
    };
    // Members pushed last first, so they are popped in document order.
    if (Array.isArray(at.value)) for (let i = at.value.length - 1; i >= 0; i--) push(String(i), at.value[i]);
    else for (const [name, member] of Object.entries(at.value).reverse()) push(name, member);
  }
  return undefined;
}

/** Whether an array or object of `value` is nested deeper than `limit`: no paths, no order (about 1 µs for an event). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const values: unknown[] = [value];
  const depths: number[] = [1];
  for (let at = values.pop(); at !== undefined; at = values.pop()) {
    const depth = depths.pop()!;
    if (!isContainer(at)) continue;
    if (depth > limit) return true;
    if (Array.isArray(at)) {
      for (const member of at as unknown[]) {
        if (isContainer(member)) {
          values.push(member);
          depths.push(depth + 1);
        }
      }
    } else {
      for (const name in at) {
        const member = (at as Record<string, unknown>)[name];
        if (isContainer(member)) {
          values.push(member);
          depths.push(depth + 1);
        }
      }
    }
  }
  return false;
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}
