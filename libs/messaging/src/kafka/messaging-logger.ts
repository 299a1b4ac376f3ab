/**
 * The slice of a structured logger the messaging code writes to. A pino `Logger` fits it as it is;
 * tests pass a recorder.
 */
export interface MessagingLogger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}
