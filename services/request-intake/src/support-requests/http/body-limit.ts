/** The largest request body the service accepts: a support request is a few KiB; 413 above this. */
export const REQUEST_BODY_LIMIT_BYTES = 64 * 1024;

export const REQUEST_BODY_LIMIT_TEXT = '64 KiB (65,536 bytes)';
