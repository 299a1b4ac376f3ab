import { MAX_JSON_NESTING } from '@wildlife/contracts';
import { bodyLimitText } from '@wildlife/service-kit';

/** The largest request body the service accepts: a support request is a few KiB; 413 above this. */
export const REQUEST_BODY_LIMIT_BYTES = 64 * 1024;

/** As the OpenAPI document's 413 says it (the service kit derives that from the same limit). */
export const REQUEST_BODY_LIMIT_TEXT = bodyLimitText(REQUEST_BODY_LIMIT_BYTES);

/** How deep a body may nest arrays and objects (the service kit's pipe refuses deeper ones with 400 before validating). */
export const REQUEST_BODY_NESTING_TEXT = `${MAX_JSON_NESTING} arrays and objects deep`;
