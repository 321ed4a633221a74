import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';

/**
 * Errors in Strapi's shape ({ data: null, error: { status, name, message, details } }), thrown by
 * services and controllers and formatted by Strapi's own error middleware.
 */
export interface FieldError {
  path: string[];
  message: string;
}

/** 400 with one entry per bad field, as Strapi's ValidationError reports them. */
export const invalidInput = (message: string, fieldErrors: FieldError[]) =>
  new errors.ValidationError(message, { errors: fieldErrors.map((e) => ({ ...e, name: 'ValidationError' })) });

/** 404: also used for conversations the caller may not see, so ids cannot be probed (B6). */
export const notFound = (what: string) => new errors.NotFoundError(`${what} not found`);

/** 409 with a machine-readable code (e.g. already_assigned, conversation_closed). */
export function conflict(code: string, message: string) {
  const error = createHttpError(409, message);
  Object.assign(error, { details: { code } });
  return error;
}

/**
 * 403 that keeps its message. Not Strapi's ForbiddenError: Strapi's route authorizer wraps the rest
 * of the request and turns any ForbiddenError (or UnauthorizedError) thrown below it, controllers
 * included, into a bare "Forbidden" with empty details, hiding the reason; an HTTP error passes
 * through to Strapi's error middleware, which answers in the same shape (name "ForbiddenError")
 * with the message kept.
 */
export const forbidden = (message: string) => withReason(403, message);

/** 401 that keeps its message, for the same reason as `forbidden`. */
export const unauthorized = (message: string) => withReason(401, message);

function withReason(status: 401 | 403, message: string) {
  const error = createHttpError(status, message);
  Object.assign(error, { details: {} });
  return error;
}
