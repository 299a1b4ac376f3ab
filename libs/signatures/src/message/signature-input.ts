import { isSupportedComponentName } from './covered-components.js';
import { serialiseMember } from '../structured-field/structured-field.serialise.js';
import { innerList, item, type BareItem, type DictionaryMember, type Parameters } from '../structured-field/structured-field.types.js';

/** The signature parameters of RFC 9421 §2.3 that this library reads; others are kept but not interpreted. */
export interface SignatureParameters {
  readonly created?: number;
  readonly expires?: number;
  readonly keyid?: string;
  readonly alg?: string;
  readonly nonce?: string;
  readonly tag?: string;
}

/** One member of a Signature-Input dictionary, read and checked. */
export interface SignatureInput {
  readonly components: readonly string[];
  readonly parameters: SignatureParameters;
  /** The member's canonical serialisation: the value of `@signature-params` in the base. */
  readonly serialised: string;
}

/** A Signature-Input member that is not a well-formed RFC 9421 signature description. */
export class SignatureInputIsMalformed extends Error {
  constructor(readonly reason: string) {
    super(`Malformed signature input: ${reason}`);
    this.name = 'SignatureInputIsMalformed';
  }
}

const INTEGER_PARAMETERS = ['created', 'expires'] as const;
const STRING_PARAMETERS = ['keyid', 'alg', 'nonce', 'tag'] as const;

/**
 * Reads a Signature-Input member. Refuses (with `SignatureInputIsMalformed`) anything but an inner
 * list of distinct, parameterless component names this library can evaluate, and known parameters
 * of the wrong type. Component parameters (`sf`, `key`, `bs`, `req`, `name`) are not supported.
 */
export function readSignatureInput(member: DictionaryMember): SignatureInput {
  if (member.kind !== 'inner-list') throw new SignatureInputIsMalformed('not an inner list');
  const components: string[] = [];
  for (const component of member.items) {
    const name = component.value;
    if (typeof name !== 'string') throw new SignatureInputIsMalformed('a component identifier is not a string');
    if (component.params.size > 0) throw new SignatureInputIsMalformed(`component parameters on "${name}" are not supported`);
    if (!isSupportedComponentName(name)) throw new SignatureInputIsMalformed(`component "${name}" is not supported`);
    if (components.includes(name)) throw new SignatureInputIsMalformed(`component "${name}" is covered twice`);
    components.push(name);
  }
  const parameters: Record<string, string | number> = {};
  for (const key of INTEGER_PARAMETERS) {
    const value = member.params.get(key);
    if (value === undefined) continue;
    if (typeof value !== 'number') throw new SignatureInputIsMalformed(`${key} is not an integer`);
    parameters[key] = value;
  }
  for (const key of STRING_PARAMETERS) {
    const value = member.params.get(key);
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new SignatureInputIsMalformed(`${key} is not a string`);
    parameters[key] = value;
  }
  return { components, parameters, serialised: serialiseMember(member) };
}

/**
 * Describes a new signature: the covered components in order and its parameters, written in the
 * order created, expires, keyid, alg, nonce, tag. Throws `SignatureInputIsMalformed` for components
 * `readSignatureInput` would refuse, and `StructuredFieldIsUnserialisable` for a parameter value
 * outside the grammar (e.g. a non-ASCII keyid).
 */
export function writeSignatureInput(components: readonly string[], parameters: SignatureParameters): SignatureInput {
  const params: Parameters = new Map<string, BareItem>();
  for (const key of [...INTEGER_PARAMETERS, ...STRING_PARAMETERS]) {
    const value = parameters[key];
    if (value !== undefined) params.set(key, value);
  }
  const member = innerList(components.map((name) => item(name)), params);
  return readSignatureInput(member);
}
