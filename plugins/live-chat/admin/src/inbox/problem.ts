import { isFetchError } from '@strapi/strapi/admin';
import { apiProblem } from '../api/problem';

type Translate = (key: string, defaultMessage: string, values?: Record<string, string | number>) => string;

/** Conflict codes the inbox explains in the agent's language (docs/api.md `details.code`). */
const KNOWN_CODES = ['already_assigned', 'conversation_closed', 'not_assigned', 'no_change', 'unknown_agent'] as const;

/**
 * An action's failure as a sentence for a notification: the known refusals of the state machine
 * translated by their code, anything else with the server's own message.
 */
export function actionProblem(error: unknown, tr: Translate): string {
  const problem = apiProblem(error);
  const details = isFetchError(error) ? error.response?.data.error?.details : undefined;
  const code = typeof details === 'object' && details !== null && 'code' in details ? String(details.code) : null;
  if (code && (KNOWN_CODES as readonly string[]).includes(code)) return tr(`inbox.problem.${code}`, problem.message);
  return problem.message;
}
