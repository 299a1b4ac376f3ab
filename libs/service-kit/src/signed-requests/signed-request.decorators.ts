import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { SignedFastifyRequest, SignedRequestContext } from './signed-request.js';

/** The verified signer and signature material of the current request (set by SignedRequestGuard). */
export const Signed = createParamDecorator((_: unknown, context: ExecutionContext): SignedRequestContext => {
  const signed = context.switchToHttp().getRequest<SignedFastifyRequest>().signed;
  if (!signed) throw new Error('Signed() used on a public route');
  return signed;
});
