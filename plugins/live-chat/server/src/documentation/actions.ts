import { z } from 'zod';
import { PLUGIN_ID } from '../../../shared/constants';
import { CONVERSATION_ACTIONS, CONVERSATION_ACTION_NAMES, type ConversationActionName } from '../../../shared/contracts/content-api';
import { pascal, ref, SCHEMA_PREFIX, type JsonSchema } from './names';

/**
 * G1: the conversation actions' paths and bodies. Strapi's generator cannot know an action's body, so
 * these come from the zod schemas the controller validates with (shared/contracts/content-api),
 * converted, never written twice.
 */

/** A zod schema as OpenAPI 3.0 JSON schema. */
export const toOpenApi = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' });
  return json;
};

const requestName = (action: ConversationActionName) => `${SCHEMA_PREFIX}${pascal(action)}Request`;
const responseName = (action: ConversationActionName) => `${SCHEMA_PREFIX}${pascal(action)}Response`;

/** `/conversations/:documentId/assign` → `/live-chat/conversations/{documentId}/assign`, as Strapi documents paths. */
const openApiPath = (path: string) => `/${PLUGIN_ID}${path.replace(/:([A-Za-z]+)/g, '{$1}')}`;

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});

function actionOperation(action: ConversationActionName) {
  const { summary, created } = CONVERSATION_ACTIONS[action];
  const answer = { description: 'OK', content: { 'application/json': { schema: ref(responseName(action)) } } };
  return {
    post: {
      tags: ['Live-chat - Conversation actions'],
      summary,
      operationId: `post/${PLUGIN_ID}/conversations/{documentId}/${action}`,
      parameters: [
        { name: 'documentId', in: 'path', required: true, description: 'The conversation', schema: { type: 'string' } },
      ],
      requestBody: { required: true, content: { 'application/json': { schema: ref(requestName(action)) } } },
      responses: {
        200: answer,
        ...(created ? { 201: { ...answer, description: 'Created' } } : {}),
        400: errorResponse('Bad Request: invalid body, or an unknown acting agent'),
        401: errorResponse('Unauthorized'),
        403: errorResponse('Forbidden'),
        404: errorResponse('Not Found: no such conversation, or the acting agent may not see it (B6)'),
        409: errorResponse('Conflict: the conversation is closed or already assigned (details.code)'),
      },
    },
  };
}

/** The action paths and the request and response schemas they reference. */
export function actionDocumentation() {
  const paths = Object.fromEntries(
    CONVERSATION_ACTION_NAMES.map((action) => [openApiPath(CONVERSATION_ACTIONS[action].path), actionOperation(action)]),
  );
  const schemas = Object.fromEntries(
    CONVERSATION_ACTION_NAMES.flatMap((action) => [
      [
        requestName(action),
        { type: 'object', required: ['data'], properties: { data: toOpenApi(CONVERSATION_ACTIONS[action].request, 'input') } },
      ],
      [
        responseName(action),
        { type: 'object', required: ['data'], properties: { data: toOpenApi(CONVERSATION_ACTIONS[action].response, 'output') } },
      ],
    ]),
  );
  return { paths, components: { schemas } };
}
