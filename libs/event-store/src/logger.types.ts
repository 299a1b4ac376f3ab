/** The part of a pino logger this library uses (a pino `Logger` fits). */
export interface EventStoreLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export const silentLogger: EventStoreLogger = { info() {}, warn() {}, error() {} };
