/** `<producer>.<EventName>.v<N>`: a kebab-case producer, a PascalCase past-tense name, a version from 1. */
export type EventTypeName = `${string}.${string}.v${number}`;

export const EVENT_TYPE_PATTERN = '^[a-z][a-z0-9]*(-[a-z0-9]+)*\\.[A-Z][A-Za-z0-9]*\\.v[1-9][0-9]*$';

const eventTypePattern = new RegExp(EVENT_TYPE_PATTERN);

export interface EventTypeParts {
  readonly producer: string;
  readonly name: string;
  readonly version: number;
  /** `<producer>.<EventName>`: the same event across all its versions. */
  readonly family: string;
}

export class EventTypeIsMalformed extends Error {
  constructor(readonly type: string) {
    super(`event type "${type}" is not of the form <producer>.<EventName>.v<N>`);
    this.name = 'EventTypeIsMalformed';
  }
}

/** Splits a well-formed event type; throws EventTypeIsMalformed otherwise. */
export function parseEventType(type: string): EventTypeParts {
  if (!eventTypePattern.test(type)) throw new EventTypeIsMalformed(type);
  const [producer, name, version] = type.split('.') as [string, string, string];
  return { producer, name, version: Number(version.slice(1)), family: `${producer}.${name}` };
}

/** The `dataschema` attribute and schema `$id` of an event type. */
export function dataschemaFor(type: string): string {
  return `urn:wildlife:schema:${type}`;
}
