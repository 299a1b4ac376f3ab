/** Where a walk over a parsed JSON value stands: the member or index it came through, and its parent. */
export interface JsonPath {
  readonly parent: JsonPath | undefined;
  readonly token: string;
}

/**
 * The JSON Pointer (RFC 6901) of `path`: built only when asked for (on a finding), so a walk pays
 * nothing per value for it, however deep the value.
 */
export function pointerOf(path: JsonPath | undefined): string {
  const tokens: string[] = [];
  for (let at = path; at !== undefined; at = at.parent) tokens.push(at.token.replace(/~/g, '~0').replace(/\//g, '~1'));
  return tokens.length === 0 ? '' : `/${tokens.reverse().join('/')}`;
}
