import { fieldValue, type HeaderFields } from './http-request.js';
import { readSignatureInput, SignatureInputIsMalformed, type SignatureInput } from './signature-input.js';
import { parseDictionary } from '../structured-field/structured-field.parse.js';
import { ByteSequence, StructuredFieldIsMalformed, StructuredFieldIsUnserialisable, type Dictionary } from '../structured-field/structured-field.types.js';

/** One signature taken from a request's Signature-Input and Signature fields. */
export interface ReceivedSignature {
  readonly label: string;
  readonly input: SignatureInput;
  readonly signature: Uint8Array;
}

/** The request carries no Signature / Signature-Input field, or no signature under the wanted label. */
export class SignatureIsMissing extends Error {
  constructor(readonly reason: string) {
    super(`Signature missing: ${reason}`);
    this.name = 'SignatureIsMissing';
  }
}

/** The signature fields are present but do not parse or do not describe a usable signature. */
export class SignatureIsMalformed extends Error {
  constructor(readonly reason: string) {
    super(`Signature malformed: ${reason}`);
    this.name = 'SignatureIsMalformed';
  }
}

/**
 * Reads the signature labelled `label`, or the first one in Signature-Input when no label is given.
 * Throws only `SignatureIsMissing` or `SignatureIsMalformed`.
 */
export function readReceivedSignature(headers: HeaderFields, label?: string): ReceivedSignature {
  const inputField = fieldValue(headers, 'signature-input');
  const signatureField = fieldValue(headers, 'signature');
  if (inputField === undefined || signatureField === undefined) {
    throw new SignatureIsMissing('the request needs both Signature-Input and Signature fields');
  }
  const inputs = parseField('Signature-Input', inputField);
  const signatures = parseField('Signature', signatureField);
  const chosen = label ?? inputs.keys().next().value;
  const inputMember = chosen === undefined ? undefined : inputs.get(chosen);
  if (chosen === undefined || inputMember === undefined) {
    throw new SignatureIsMissing(label === undefined ? 'Signature-Input is empty' : `no signature labelled "${label}"`);
  }
  const signatureMember = signatures.get(chosen);
  if (signatureMember === undefined) throw new SignatureIsMalformed(`Signature has no member "${chosen}"`);
  if (signatureMember.kind !== 'item' || !(signatureMember.value instanceof ByteSequence)) {
    throw new SignatureIsMalformed(`Signature member "${chosen}" is not a byte sequence`);
  }
  try {
    return { label: chosen, input: readSignatureInput(inputMember), signature: signatureMember.value.bytes };
  } catch (error) {
    if (error instanceof SignatureInputIsMalformed) throw new SignatureIsMalformed(error.reason);
    if (error instanceof StructuredFieldIsUnserialisable) throw new SignatureIsMalformed(error.reason);
    throw error;
  }
}

function parseField(name: string, value: string): Dictionary {
  try {
    return parseDictionary(value);
  } catch (error) {
    if (error instanceof StructuredFieldIsMalformed) throw new SignatureIsMalformed(`${name}: ${error.message}`);
    throw error;
  }
}
