import type { RefusalKind, RegistryRefusal } from '@wildlife/registry';
import { ProblemError } from '@wildlife/service-kit';

const STATUS_OF: { readonly [K in RefusalKind]: readonly [status: number, title: string] } = {
  forbidden: [403, 'Forbidden'],
  'not-found': [404, 'Not Found'],
  conflict: [409, 'Conflict'],
  invalid: [422, 'Unprocessable Content'],
};

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();

/**
 * The problem a refused registry command is answered with: the status of the refusal's kind (403,
 * 404, 409, 422), the broken rule's name as `rule` and, in kebab case, as the problem type's code.
 */
export function problemOfRefusal(refusal: RegistryRefusal): ProblemError {
  const [status, title] = STATUS_OF[refusal.kind];
  return new ProblemError(status, kebab(refusal.name), title, refusal.message, { rule: refusal.name });
}
