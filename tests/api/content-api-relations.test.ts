import { uid, type ContentTypeName } from '../../plugins/live-chat/shared/constants';
import { bearer, createApiToken } from '../harness/admin';
import {
  contentApiTypeOf,
  minimalData,
  pluralOf,
  relationsOf,
  writableTypes,
  type RelationInfo,
} from '../harness/content-api-schema';
import { startConversation } from '../harness/fixtures';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * F1 / F4: every relation of every writable content-API type is written by documentId in each of
 * Strapi 5's forms (shorthand, connect, disconnect, set, null), on create and on update, exactly as on
 * Strapi's own core routes; an unknown documentId, or one of another type, is a 400 in Strapi's error
 * shape that writes nothing. The cases are generated from the plugin's content-type schemas.
 */
let app: TestApp;
let token: string;
let labels = 0;

beforeAll(async () => {
  app = await bootStrapi();
  token = await createApiToken(app, 'full-access');
});
afterAll(async () => {
  await app.stop();
});

const label = () => `fixture-${++labels}`;
const url = (type: ContentTypeName, documentId?: string) =>
  `/api/live-chat/${pluralOf(type)}${documentId ? `/${documentId}` : ''}`;

/** A new record of a relation's target type, by documentId (conversations open as a visitor's would). */
async function createTarget(target: string): Promise<string> {
  const type = contentApiTypeOf(target);
  if (type === 'conversation') return (await startConversation(app)).documentId;
  if (!type || !writableTypes().includes(type)) throw new Error(`No fixture for ${target}`);
  const response = await app.http().post(url(type)).set(bearer(token)).send({ data: minimalData(type, label()) });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
}

async function targets(count: number, target: string): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) ids.push(await createTarget(target));
  return ids;
}

const create = (relation: RelationInfo, value: unknown) =>
  app
    .http()
    .post(url(relation.type))
    .query({ populate: relation.name })
    .set(bearer(token))
    .send({ data: { ...minimalData(relation.type, label()), [relation.name]: value } });

const update = (relation: RelationInfo, documentId: string, data: Record<string, unknown>) =>
  app.http().put(url(relation.type, documentId)).query({ populate: relation.name }).set(bearer(token)).send({ data });

const findOne = (relation: RelationInfo, documentId: string) =>
  app.http().get(url(relation.type, documentId)).query({ populate: relation.name }).set(bearer(token));

/** The documentIds a response's relation holds, sorted (an unlinked to-one relation holds none). */
function linked(body: { data: Record<string, unknown> }, relation: RelationInfo): string[] {
  const value = body.data[relation.name] as { documentId: string } | Array<{ documentId: string }> | null;
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((entry) => entry.documentId).sort();
}

const sorted = (ids: string[]) => [...ids].sort();

interface Form {
  form: string;
  value: (ids: string[]) => unknown;
  expected: (ids: string[]) => string[];
}

/** Create forms: `ids` are two new targets; a to-one relation takes the first, a to-many both. */
const createForms = (toMany: boolean): Form[] => {
  const pick = (ids: string[]) => (toMany ? ids.slice(0, 2) : ids.slice(0, 1));
  return [
    { form: 'the shorthand documentId', value: (ids) => ids[0], expected: (ids) => [ids[0]] },
    { form: 'an array of documentIds', value: pick, expected: (ids) => sorted(pick(ids)) },
    { form: '{ connect: [documentId] }', value: (ids) => ({ connect: pick(ids) }), expected: (ids) => sorted(pick(ids)) },
    {
      form: '{ connect: [{ documentId }] }',
      value: (ids) => ({ connect: pick(ids).map((documentId) => ({ documentId })) }),
      expected: (ids) => sorted(pick(ids)),
    },
    { form: '{ set: [documentId] }', value: (ids) => ({ set: pick(ids) }), expected: (ids) => sorted(pick(ids)) },
    { form: 'null', value: () => null, expected: () => [] },
  ];
};

/** Update forms, on a record linked to ids[0] (to-one) or to ids[0] and ids[1] (to-many); ids[2] is free. */
const updateForms = (toMany: boolean): Form[] => {
  const connected = (ids: string[]) => (toMany ? sorted(ids.slice(0, 3)) : [ids[2]]);
  return [
    { form: 'the shorthand documentId', value: (ids) => ids[2], expected: (ids) => [ids[2]] },
    { form: '{ connect: [documentId] }', value: (ids) => ({ connect: [ids[2]] }), expected: connected },
    { form: '{ connect: [{ documentId }] }', value: (ids) => ({ connect: [{ documentId: ids[2] }] }), expected: connected },
    { form: '{ disconnect: [documentId] }', value: (ids) => ({ disconnect: [ids[0]] }), expected: (ids) => (toMany ? [ids[1]] : []) },
    { form: '{ set: [documentId] }', value: (ids) => ({ set: [ids[2]] }), expected: (ids) => [ids[2]] },
    { form: '{ set: [] }', value: () => ({ set: [] }), expected: () => [] },
    { form: 'null', value: () => null, expected: () => [] },
  ];
};

const relationName = (relation: RelationInfo) =>
  `${relation.type}.${relation.name} (${relation.toMany ? 'to-many' : 'to-one'} → ${relation.target.split('.').pop()})`;

const WRITABLE_RELATIONS = writableTypes().flatMap((type) => relationsOf(type).filter((relation) => !relation.hidden));
const cases = (forms: (toMany: boolean) => Form[]) =>
  WRITABLE_RELATIONS.flatMap((relation) => forms(relation.toMany).map((form) => ({ ...form, relation, name: relationName(relation) })));

describe('F1: the cases come from the schemas', () => {
  it('cover every writable type, each with relations, and every target has a fixture', () => {
    expect(writableTypes().sort()).toEqual(['activity', 'deal', 'lead', 'organization', 'person']);
    for (const type of writableTypes()) expect(relationsOf(type).length).toBeGreaterThan(0);
    for (const relation of WRITABLE_RELATIONS) expect(contentApiTypeOf(relation.target)).toBeDefined();
  });
});

describe('F1: relations by documentId on create', () => {
  it.each(cases(createForms))('$name with $form', async ({ relation, value, expected }) => {
    const ids = await targets(2, relation.target);
    const response = await create(relation, value(ids));
    expect(response.status).toBe(201);
    expect(linked(response.body, relation)).toEqual(expected(ids));
    expect(linked((await findOne(relation, response.body.data.documentId)).body, relation)).toEqual(expected(ids));
  });
});

describe('F1: relations by documentId on update', () => {
  it.each(cases(updateForms))('$name with $form', async ({ relation, value, expected }) => {
    const ids = await targets(3, relation.target);
    const created = await create(relation, relation.toMany ? [ids[0], ids[1]] : ids[0]);
    expect(created.status).toBe(201);
    const response = await update(relation, created.body.data.documentId, { [relation.name]: value(ids) });
    expect(response.status).toBe(200);
    expect(linked(response.body, relation)).toEqual(expected(ids));
    expect(linked((await findOne(relation, created.body.data.documentId)).body, relation)).toEqual(expected(ids));
  });
});

/** The documentId of a record that exists, of a type that is neither the target nor the record's own. */
async function documentIdOfAnotherType(relation: RelationInfo): Promise<string> {
  const other = writableTypes().find((type) => uid(type) !== relation.target && type !== relation.type) as ContentTypeName;
  const response = await app.http().post(url(other)).set(bearer(token)).send({ data: minimalData(other, label()) });
  return response.body.data.documentId as string;
}

const BAD_IDS = [
  { bad: 'an unknown documentId', documentId: async () => 'nosuchdocument0000000000' },
  { bad: 'a documentId of another type', documentId: documentIdOfAnotherType },
];
const BAD_FORMS = [
  { form: 'shorthand', value: (documentId: string): unknown => documentId },
  { form: 'connect', value: (documentId: string): unknown => ({ connect: [documentId] }) },
  { form: 'set', value: (documentId: string): unknown => ({ set: [{ documentId }] }) },
];
const badCases = WRITABLE_RELATIONS.flatMap((relation) =>
  BAD_IDS.flatMap((bad) => BAD_FORMS.map((form) => ({ ...bad, ...form, relation, name: relationName(relation) }))),
);

describe('F4: a relation to a document that is not there', () => {
  it.each(badCases)('$name: $bad ($form) on create is a 400 that writes nothing', async ({ relation, documentId, value }) => {
    const badId = await documentId(relation);
    const before = await app.strapi.db.query(uid(relation.type)).count();
    const response = await create(relation, value(badId));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(await app.strapi.db.query(uid(relation.type)).count()).toBe(before);
  });

  it.each(badCases)('$name: $bad ($form) on update is a 400 that changes neither fields nor links', async ({ relation, documentId, value }) => {
    const [linkedId] = await targets(1, relation.target);
    const created = await create(relation, relation.toMany ? [linkedId] : linkedId);
    const recordId: string = created.body.data.documentId;
    const before = await findOne(relation, recordId);
    const changedFields = Object.fromEntries(Object.keys(minimalData(relation.type, '')).map((field) => [field, 'changed']));
    const response = await update(relation, recordId, { ...changedFields, [relation.name]: value(await documentId(relation)) });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect((await findOne(relation, recordId)).body.data).toEqual(before.body.data);
  });
});
