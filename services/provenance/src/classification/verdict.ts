import type { LogClassification, LoggedPrincipal, LoggedSignatureMaterial, LogReason } from '@wildlife/provenance-log';

/** What the classification concluded about one record: the parts of its log entry that it decides. */
export interface Verdict {
  readonly classification: LogClassification;
  readonly reason: LogReason;
  readonly source: LoggedPrincipal | null;
  readonly evidence: LoggedSignatureMaterial | null;
  /** Absent on rejections. */
  readonly basis?: readonly number[];
}

export function rejected(code: string, text: string, signed: Pick<Verdict, 'source' | 'evidence'> = { source: null, evidence: null }): Verdict {
  return { classification: 'rejected', reason: { code, text }, ...signed };
}

/** Ascending, without repeats or gaps left by absent entries. */
export function basisOf(...sequences: readonly (number | undefined)[]): number[] {
  return [...new Set(sequences.filter((s): s is number => s !== undefined))].sort((a, b) => a - b);
}
