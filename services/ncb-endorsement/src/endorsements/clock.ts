/** Where the endorsement's handlers read the time: the domain never does (its decisions take `at`). */
export const CLOCK = Symbol('ENDORSEMENT_CLOCK');

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
