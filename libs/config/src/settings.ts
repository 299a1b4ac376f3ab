/**
 * Typed, validated settings read from an environment. Each setting knows its variable name, how to
 * parse it and what it expects, so a bad value stops the process at boot with one line naming the
 * variable, what was expected and what was found.
 */
export interface Setting<T> {
  readonly kind: string;
  /** Describes the expected form, for error messages. */
  readonly expected: string;
  readonly defaultValue?: T;
  readonly optional?: boolean;
  parse(raw: string): T | undefined;
}

export type SettingsSpec = Record<string, Setting<unknown>>;

type ValueOf<S> = S extends { parse(raw: string): infer T } ? (S extends { optional: true } ? T | undefined : Exclude<T, undefined>) : never;
export type Settings<Spec extends SettingsSpec> = { readonly [K in keyof Spec]: ValueOf<Spec[K]> };

/** A setting that is missing or does not parse. The message is one line, fit for stderr at boot. */
export class InvalidSetting extends Error {
  constructor(
    readonly variable: string,
    readonly expected: string,
    readonly found: string | undefined,
  ) {
    super(
      found === undefined
        ? `Invalid configuration: ${variable} is required (expected ${expected})`
        : `Invalid configuration: ${variable}=${JSON.stringify(found)} is not valid (expected ${expected})`,
    );
    this.name = 'InvalidSetting';
  }
}

/**
 * Reads every setting of `spec` from `env` (variable name = key). Empty strings count as unset.
 * Throws the first `InvalidSetting` met, in the spec's order.
 */
export function readSettings<Spec extends SettingsSpec>(spec: Spec, env: NodeJS.ProcessEnv): Settings<Spec> {
  const out: Record<string, unknown> = {};
  for (const [variable, setting] of Object.entries(spec)) {
    const raw = env[variable];
    if (raw === undefined || raw.trim() === '') {
      if (setting.defaultValue !== undefined) out[variable] = setting.defaultValue;
      else if (setting.optional) out[variable] = undefined;
      else throw new InvalidSetting(variable, setting.expected, undefined);
      continue;
    }
    const value = setting.parse(raw.trim());
    if (value === undefined) throw new InvalidSetting(variable, setting.expected, raw);
    out[variable] = value;
  }
  return out as Settings<Spec>;
}
