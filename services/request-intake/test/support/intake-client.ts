import { createSignedFetch, signRequest, type SignedFetch, type SigningKeyPair } from '@wildlife/signatures';
import { cast, keyIdOf, type CastName } from './intake-principals.js';

export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** Signed calls to the service as a member of the cast, each with its own nonce. */
export class IntakeClient {
  private readonly fetches = new Map<CastName, SignedFetch>();

  constructor(
    private readonly baseUrl: string,
    private readonly keys: Record<CastName, SigningKeyPair>,
  ) {}

  as(name: CastName): SignedFetch {
    let signedFetch = this.fetches.get(name);
    if (!signedFetch) {
      signedFetch = createSignedFetch({ baseUrl: this.baseUrl, key: { keyId: keyIdOf(name), privateKey: this.keys[name].privateKey }, signReads: true });
      this.fetches.set(name, signedFetch);
    }
    return signedFetch;
  }

  async post<T = Record<string, unknown>>(name: CastName, path: string, json: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    return answerOf<T>(await this.as(name)(path, { method: 'POST', json, headers }));
  }

  async get<T = Record<string, unknown>>(name: CastName, path: string): Promise<Answer<T>> {
    return answerOf<T>(await this.as(name)(path));
  }

  /** A signed POST of `text` as it is, as `application/json`: for bodies JSON.stringify cannot write, or would write otherwise. */
  async postText<T = Record<string, unknown>>(name: CastName, path: string, text: string, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const url = new URL(path, this.baseUrl).href;
    const body = new TextEncoder().encode(text);
    const unsigned = { 'content-type': 'application/json', ...headers };
    const signature = signRequest({ method: 'POST', url, headers: unsigned, body }, { keyId: keyIdOf(name), privateKey: this.keys[name].privateKey });
    return answerOf<T>(await fetch(url, { method: 'POST', headers: { ...unsigned, ...signature }, body }));
  }

  /** One POST signed once (one nonce), that `send` sends again each time it is called: a replay. */
  signedOnce(name: CastName, path: string, json: unknown, headers: Record<string, string> = {}): { send(): Promise<Answer> } {
    const url = new URL(path, this.baseUrl).href;
    const body = new TextEncoder().encode(JSON.stringify(json));
    const unsigned = { 'content-type': 'application/json', ...headers };
    const signature = signRequest({ method: 'POST', url, headers: unsigned, body }, { keyId: keyIdOf(name), privateKey: this.keys[name].privateKey });
    return { send: async () => answerOf(await fetch(url, { method: 'POST', headers: { ...unsigned, ...signature }, body })) };
  }
}

async function answerOf<T>(response: Response): Promise<Answer<T>> {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text === '' ? {} : JSON.parse(text)) as T };
}

export { cast };
