export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export const perSecond = (count: number, elapsedMs: number): number => Math.round((count / elapsedMs) * 1_000);
