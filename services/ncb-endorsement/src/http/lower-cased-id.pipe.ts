import type { PipeTransform } from '@nestjs/common';

/**
 * A request or permit id from the path, in lower case: ids are UUIDs, which compare without regard
 * to case (RFC 9562), and every stream and row is keyed by the lower-case form the services write.
 * Request intake reads its ids the same way, so one id names one request at both services.
 */
export class LowerCasedId implements PipeTransform<string, string> {
  transform(value: string): string {
    return value.toLowerCase();
  }
}
