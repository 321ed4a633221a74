import { PLUGIN_ID } from '../../../shared/constants';
import { eraseBodySchema, erasureResultSchema } from '../../../shared/contracts/personal-data';
import { SUBJECT_KINDS } from '../../../shared/domain/personal-data';
import { toOpenApi } from './actions';
import { ref, SCHEMA_PREFIX } from './names';

/** G1: the content API's personal data routes (F5), with bodies from the schemas the controller validates with. */

const REQUEST = `${SCHEMA_PREFIX}ErasePersonalDataRequest`;
const RESPONSE = `${SCHEMA_PREFIX}ErasePersonalDataResponse`;
const error = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const parameters = [
  {
    name: 'kind',
    in: 'path',
    required: true,
    description: "Whose data: a person, a visitor, or the person (else the visitor) of a conversation",
    schema: { type: 'string', enum: [...SUBJECT_KINDS] },
  },
  { name: 'documentId', in: 'path', required: true, description: 'The documentId of that record', schema: { type: 'string' } },
];
const common = {
  400: error('Bad Request: unknown kind, malformed documentId (or, to erase, a missing or wrong confirmation)'),
  401: error('Unauthorized'),
  403: error('Forbidden: the token lacks this action'),
  404: error('Not Found: no such person, visitor or conversation'),
};
const tags = ['Live-chat - Personal data'];

/** The export and erase paths and their schemas. */
export function personalDataDocumentation() {
  const base = `/${PLUGIN_ID}/personal-data/{kind}/{documentId}`;
  return {
    paths: {
      [`${base}/export`]: {
        get: {
          tags,
          summary: "Export everything about one person or visitor, across all their conversations, as one zip (personal-data.json, transcript.html, files/) (F5)",
          operationId: `get/${PLUGIN_ID}/personal-data/{kind}/{documentId}/export`,
          parameters,
          responses: { 200: { description: 'The archive', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } }, ...common },
        },
      },
      [`${base}/erase`]: {
        post: {
          tags,
          summary: "Erase everything that identifies one person or visitor, irreversibly; `confirm` must be ERASE or the person's name (F5)",
          operationId: `post/${PLUGIN_ID}/personal-data/{kind}/{documentId}/erase`,
          parameters,
          requestBody: { required: true, content: { 'application/json': { schema: ref(REQUEST) } } },
          responses: { 200: { description: 'OK', content: { 'application/json': { schema: ref(RESPONSE) } } }, ...common },
        },
      },
    },
    schemas: {
      [REQUEST]: { type: 'object', required: ['data'], properties: { data: toOpenApi(eraseBodySchema, 'input') } },
      [RESPONSE]: { type: 'object', required: ['data'], properties: { data: toOpenApi(erasureResultSchema, 'output') } },
    },
  };
}
