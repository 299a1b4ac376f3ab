/** Base URLs of the three services an integrator talks to. */
export interface WildlifeEndpoints {
  readonly intake: string;
  readonly endorsement: string;
  readonly provenance: string;
}

/** The services as `npm start` runs them on one machine. */
export const DEFAULT_ENDPOINTS: WildlifeEndpoints = {
  intake: 'http://127.0.0.1:3001',
  endorsement: 'http://127.0.0.1:3002',
  provenance: 'http://127.0.0.1:3003',
};

/** An endpoint that is not an absolute http(s) URL. */
export class EndpointIsNotAnHttpUrl extends Error {
  constructor(readonly service: keyof WildlifeEndpoints, readonly value: string) {
    super(`The ${service} endpoint ${JSON.stringify(value)} is not an absolute http(s) URL`);
    this.name = 'EndpointIsNotAnHttpUrl';
  }
}

/** Resolves API paths (`v1/...`, relative) against one service's base URL, keeping any path prefix it has. */
export type ServiceUrl = (path: string) => string;

/**
 * One URL builder per service, from the given endpoints over the defaults. A base with a path
 * (`https://gateway.example/intake`) keeps it: paths are resolved below it, never beside it.
 */
export function serviceUrls(given: Partial<WildlifeEndpoints> = {}): Record<keyof WildlifeEndpoints, ServiceUrl> {
  const builder = (service: keyof WildlifeEndpoints): ServiceUrl => {
    const value = given[service] ?? DEFAULT_ENDPOINTS[service];
    let base: URL;
    try {
      base = new URL(value);
    } catch {
      throw new EndpointIsNotAnHttpUrl(service, value);
    }
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new EndpointIsNotAnHttpUrl(service, value);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    base.search = '';
    base.hash = '';
    return (path) => new URL(path, base).href;
  };
  return { intake: builder('intake'), endorsement: builder('endorsement'), provenance: builder('provenance') };
}
