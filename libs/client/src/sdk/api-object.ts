/** An answer whose members this SDK passes through without naming them. */
export type ApiObject = Readonly<Record<string, unknown>>;

/** The body of every suspension and revocation. */
export interface Reasoned {
  readonly reason: string;
}
