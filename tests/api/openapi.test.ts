import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { bearer, createAgent, createApiToken, type TestAdmin } from '../harness/admin';
import { startConversation } from '../harness/fixtures';
import { generateFullDocument, OPENAPI_FILE, pluginDocument, serialize, type OpenApiDocument } from '../harness/openapi';
import { APP_ROOT, bootStrapi, type TestApp } from '../harness/strapi';

/**
 * G1 / F1: docs/openapi.json is what the running plugin generates through Strapi's documentation
 * plugin, it lists every content-API route of the plugin (read from the plugin's own route list), and
 * real responses match the schemas it declares. `npm run openapi` rewrites the file.
 */
const WRITE = process.env.LIVE_CHAT_WRITE_OPENAPI === 'true';

let app: TestApp;
let document: OpenApiDocument;
let token: string;
let agent: TestAdmin;

beforeAll(async () => {
  app = await bootStrapi();
  const { version } = JSON.parse(await readFile(path.join(APP_ROOT, 'plugins', 'live-chat', 'package.json'), 'utf8')) as { version: string };
  document = pluginDocument(await generateFullDocument(app), version);
  if (WRITE) await writeFile(OPENAPI_FILE, serialize(document));
  token = await createApiToken(app, 'full-access');
  agent = await createAgent(app, 'Documented');
});
afterAll(async () => {
  await app.stop();
});

interface PluginRoute {
  method: string;
  path: string;
}

/** The plugin's content-API routes as Strapi registered them. */
const pluginRoutes = (): PluginRoute[] =>
  (app.strapi.plugin('live-chat').routes as unknown as Record<string, { routes: PluginRoute[] }>)['content-api'].routes;

/** `/leads/:id` → `/live-chat/leads/{id}`, the document's spelling. */
const documentedPath = (route: PluginRoute) => `/live-chat${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;

type Operation = {
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
};
const operation = (route: PluginRoute) => document.paths[documentedPath(route)]?.[route.method.toLowerCase()] as Operation | undefined;

describe('G1: docs/openapi.json', () => {
  it('is what the running plugin generates (run `npm run openapi` after changing the API)', async () => {
    const committed = await readFile(OPENAPI_FILE, 'utf8').catch(() => '');
    expect(committed).toBe(serialize(document));
  });

  it('lists every content-API route of the plugin, each with a success response schema', () => {
    const routes = pluginRoutes();
    expect(routes.length).toBeGreaterThan(0);
    const missing = routes.filter((route) => !operation(route)).map((route) => `${route.method} ${route.path}`);
    expect(missing).toEqual([]);
    for (const route of routes) {
      const success = operation(route)?.responses['200'];
      // JSON for every route but a download (F5's export answers application/zip).
      const schema = success?.content?.['application/json']?.schema ?? success?.content?.['application/zip']?.schema;
      expect({ route: `${route.method} ${route.path}`, schema }).toEqual({
        route: `${route.method} ${route.path}`,
        schema: expect.any(Object),
      });
    }
  });

  it('gives every route that takes a body a request schema', () => {
    for (const route of pluginRoutes().filter((candidate) => ['POST', 'PUT'].includes(candidate.method))) {
      expect({ route: `${route.method} ${route.path}`, schema: operation(route)?.requestBody?.content['application/json']?.schema }).toEqual({
        route: `${route.method} ${route.path}`,
        schema: expect.any(Object),
      });
    }
  });

  it('documents no path that is not a route of the plugin', () => {
    const routes = new Set(pluginRoutes().map((route) => `${route.method.toLowerCase()} ${documentedPath(route)}`));
    const documented = Object.entries(document.paths).flatMap(([route, item]) => Object.keys(item).map((method) => `${method} ${route}`));
    expect(documented.filter((entry) => !routes.has(entry))).toEqual([]);
  });
});

describe('F1: real responses match the document', () => {
  let ajv: Ajv;
  beforeAll(() => {
    // The document is OpenAPI 3.0: `nullable` and `example` are its keywords, not JSON Schema's.
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(document as unknown as object, 'openapi');
  });

  /** The validator of an operation's declared success body (the documentation plugin declares 200). */
  function validatorFor(method: string, documentPath: string): ValidateFunction {
    const responses = (document.paths[documentPath]?.[method] as Operation | undefined)?.responses ?? {};
    const schema = responses['200']?.content?.['application/json']?.schema as { $ref?: string } | undefined;
    if (!schema?.$ref) throw new Error(`No success schema for ${method} ${documentPath}`);
    return ajv.compile({ $ref: `openapi${schema.$ref}` });
  }

  const expectValid = (validate: ValidateFunction, body: unknown) => {
    validate(body);
    expect(validate.errors ?? []).toEqual([]);
  };

  it('find, findOne, create and update of a lead with its relations populated', async () => {
    const person = await app.http().post('/api/live-chat/persons').set(bearer(token)).send({ data: { name: 'Ola', email: 'ola@example.com' } });
    expectValid(validatorFor('post', '/live-chat/persons'), person.body);
    const created = await app
      .http()
      .post('/api/live-chat/leads')
      .set(bearer(token))
      .send({ data: { title: 'Documented', value: 10, currency: 'EUR', person: person.body.data.documentId } });
    expect(created.status).toBe(201);
    expectValid(validatorFor('post', '/live-chat/leads'), created.body);

    const list = await app.http().get('/api/live-chat/leads').query({ populate: '*' }).set(bearer(token));
    expect(list.body.data.length).toBeGreaterThan(0);
    expectValid(validatorFor('get', '/live-chat/leads'), list.body);

    const one = await app.http().get(`/api/live-chat/leads/${created.body.data.documentId}`).query({ populate: 'person' }).set(bearer(token));
    expectValid(validatorFor('get', '/live-chat/leads/{id}'), one.body);

    const updated = await app.http().put(`/api/live-chat/leads/${created.body.data.documentId}`).set(bearer(token)).send({ data: { status: 'qualified' } });
    expectValid(validatorFor('put', '/live-chat/leads/{id}'), updated.body);
  });

  it('the conversation actions: assign, message, lead', async () => {
    const { documentId } = await startConversation(app, { name: 'Vera', email: 'vera@example.com' });
    const post = (action: string, data: object) =>
      app.http().post(`/api/live-chat/conversations/${documentId}/${action}`).set(bearer(token)).send({ data });
    const assigned = await post('assign', { actingAgentId: agent.id });
    expect(assigned.status).toBe(200);
    expectValid(validatorFor('post', '/live-chat/conversations/{documentId}/assign'), assigned.body);
    const message = await post('messages', { actingAgentId: agent.id, clientId: 'documented-0001', body: 'Hello' });
    expect(message.status).toBe(201);
    expectValid(validatorFor('post', '/live-chat/conversations/{documentId}/messages'), message.body);
    const lead = await post('leads', { actingAgentId: agent.id, title: 'From the docs' });
    expect(lead.status).toBe(201);
    expectValid(validatorFor('post', '/live-chat/conversations/{documentId}/leads'), lead.body);
  });
});
