import { randomBytes } from 'node:crypto';
import { uid, type ContentTypeName } from '../../plugins/live-chat/shared/constants';
import { bearer, createAgent, createApiToken, type TestAdmin } from '../harness/admin';
import {
  contentApiTypeOf,
  pluginTypeOf,
  pluralOf,
  readableTypes,
  relationsOf,
  scalarFieldOf,
  type RelationInfo,
} from '../harness/content-api-schema';
import { startConversation } from '../harness/fixtures';
import { bootStrapi, type TestApp } from '../harness/strapi';

/**
 * F1: every populate form Strapi's own routes accept works on every content-API type's find and
 * findOne, for every relation the API shows; relations towards admin users and internal plugin types
 * (private in the schema) are never shown, populated, filtered or sorted on. Cases come from the schemas.
 */
let app: TestApp;
let token: string;
let agent: TestAdmin;
/** One record of each readable type, every visible relation of which links something. */
const records: Partial<Record<ContentTypeName, string>> = {};

const http = () => app.http();
const listUrl = (type: ContentTypeName) => `/api/live-chat/${pluralOf(type)}`;
const post = async (type: ContentTypeName, data: Record<string, unknown>) => {
  const response = await http().post(listUrl(type)).set(bearer(token)).send({ data });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};

beforeAll(async () => {
  app = await bootStrapi();
  token = await createApiToken(app, 'full-access');
  agent = await createAgent(app, 'Hidden');
  const conversation = await startConversation(app, { name: 'Vera', email: 'vera@example.com' });
  records.conversation = conversation.documentId;
  records.organization = await post('organization', { name: 'Acme' });
  records.person = await post('person', { name: 'Pia', organization: records.organization });
  records.lead = await post('lead', { title: 'Lead', person: records.person, organization: records.organization, conversation: records.conversation });
  records.deal = await post('deal', { title: 'Deal', person: records.person, organization: records.organization, conversation: records.conversation });
  records.activity = await post('activity', {
    subject: 'Call back',
    person: records.person,
    lead: records.lead,
    deal: records.deal,
    conversation: records.conversation,
  });
  // The conversation's own links change only through the inbox (read-only in the content API).
  const conversationRow = await app.strapi.db.query(uid('conversation')).findOne({ where: { documentId: records.conversation } });
  const personRow = await app.strapi.db.query(uid('person')).findOne({ where: { documentId: records.person } });
  const organizationRow = await app.strapi.db.query(uid('organization')).findOne({ where: { documentId: records.organization } });
  await app.strapi.db.query(uid('conversation')).update({
    where: { id: conversationRow.id },
    data: { person: personRow.id, organization: organizationRow.id, assignee: agent.id },
  });
  const message = await app.strapi.db.query(uid('message')).create({
    data: { conversation: conversationRow.id, seq: 1000, clientId: randomBytes(8).toString('hex'), kind: 'text', authorKind: 'agent', author: agent.id, authorName: 'Hidden Tester', body: 'hi' },
  });
  records.message = message.documentId;
});
afterAll(async () => {
  await app.stop();
});

interface PopulateForm {
  form: string;
  query: (relation: RelationInfo) => string;
  /** What the populated relation must show of each linked record. */
  check: (relation: RelationInfo, entry: Record<string, unknown>) => void;
}

const targetType = (relation: RelationInfo) => pluginTypeOf(relation.target);
/** A visible relation of the target type, to populate one level further. */
const nestedRelationOf = (relation: RelationInfo) => {
  const target = targetType(relation);
  return target ? relationsOf(target).find((nested) => !nested.hidden) : undefined;
};

const hasDocumentId = (_relation: RelationInfo, entry: Record<string, unknown>) => expect(entry.documentId).toEqual(expect.any(String));

const POPULATE_FORMS: PopulateForm[] = [
  { form: 'populate=*', query: () => 'populate=*', check: hasDocumentId },
  { form: 'populate=<relation>', query: (relation) => `populate=${relation.name}`, check: hasDocumentId },
  { form: 'populate[0]=<relation>', query: (relation) => `populate[0]=${relation.name}`, check: hasDocumentId },
  { form: 'populate[<relation>]=*', query: (relation) => `populate[${relation.name}]=*`, check: hasDocumentId },
  { form: 'populate[<relation>]=true', query: (relation) => `populate[${relation.name}]=true`, check: hasDocumentId },
  {
    form: 'populate[<relation>][fields][0]=<field>',
    query: (relation) => `populate[${relation.name}][fields][0]=${fieldOf(relation)}`,
    check: (relation, entry) => expect(Object.keys(entry).sort()).toEqual(['documentId', 'id', fieldOf(relation)].sort()),
  },
  {
    form: 'populate[<relation>][populate]=*',
    query: (relation) => `populate[${relation.name}][populate]=*`,
    check: (relation, entry) => expect(entry).toHaveProperty(nestedRelationOf(relation)?.name ?? 'documentId'),
  },
  {
    form: 'populate[<relation>][populate][<nested>]=*',
    query: (relation) => `populate[${relation.name}][populate][${nestedRelationOf(relation)?.name}]=*`,
    check: (relation, entry) => expect(entry).toHaveProperty(nestedRelationOf(relation)?.name ?? 'documentId'),
  },
  {
    form: 'populate[<relation>][populate][<nested>][fields][0]=<field>',
    query: (relation) => {
      const nested = nestedRelationOf(relation);
      const nestedType = nested && pluginTypeOf(nested.target);
      return `populate[${relation.name}][populate][${nested?.name}][fields][0]=${nestedType ? scalarFieldOf(nestedType) : 'name'}`;
    },
    check: (relation, entry) => expect(entry).toHaveProperty(nestedRelationOf(relation)?.name ?? 'documentId'),
  },
];

function fieldOf(relation: RelationInfo): string {
  const target = targetType(relation);
  return target ? scalarFieldOf(target) : 'id';
}

const relationName = (relation: RelationInfo) => `${relation.type}.${relation.name}`;
const VISIBLE: RelationInfo[] = readableTypes().flatMap((type) => relationsOf(type).filter((relation) => !relation.hidden));
const HIDDEN = readableTypes().flatMap((type) => relationsOf(type).filter((relation) => relation.hidden));
const ROUTES = ['find', 'findOne'] as const;
const populateCases = VISIBLE.flatMap((relation) =>
  POPULATE_FORMS.flatMap((form) => ROUTES.map((route) => ({ ...form, route, relation, name: relationName(relation) }))),
);

/** The one record of the relation's type, from find (filtered to it) or findOne. */
async function fetchRecord(relation: RelationInfo, route: (typeof ROUTES)[number], query: string) {
  const documentId = records[relation.type];
  const path = route === 'find' ? `${listUrl(relation.type)}?filters[documentId][$eq]=${documentId}&${query}` : `${listUrl(relation.type)}/${documentId}?${query}`;
  const response = await http().get(path).set(bearer(token));
  return { response, record: (route === 'find' ? response.body.data?.[0] : response.body.data) as Record<string, unknown> | undefined };
}

describe('F1: the cases come from the schemas', () => {
  it('cover every readable type, and the hidden relations are exactly those towards admin users and playbooks', () => {
    expect(readableTypes().every((type) => VISIBLE.some((relation) => relation.type === type))).toBe(true);
    expect(HIDDEN.map(relationName).sort()).toEqual(['conversation.assignee', 'conversation.playbook', 'message.author']);
    for (const relation of VISIBLE) expect(relation.target === uid('visitor') || contentApiTypeOf(relation.target)).toBeTruthy();
  });
});

describe('F1: populate forms on every type', () => {
  it.each(populateCases)('$route $name with $form', async ({ relation, route, query, check }) => {
    const { response, record } = await fetchRecord(relation, route, query(relation));
    expect(response.status).toBe(200);
    const value = record?.[relation.name] as Record<string, unknown> | Array<Record<string, unknown>> | null | undefined;
    const entries = Array.isArray(value) ? value : value ? [value] : [];
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) check(relation, entry);
  });
});

const hiddenCases = HIDDEN.flatMap((relation) =>
  [
    { form: 'populate[<relation>]=*', query: `populate[${relation.name}]=*` },
    { form: 'populate=<relation>', query: `populate=${relation.name}` },
    { form: 'filters[<relation>][id][$eq]', query: `filters[${relation.name}][id][$eq]=1` },
    { form: 'sort=<relation>.id', query: `sort=${relation.name}.id` },
  ].map((form) => ({ ...form, relation, name: relationName(relation) })),
);

describe('F1: relations towards admin users and internal types never leak', () => {
  it.each(hiddenCases)('$name: $form is a 400 in Strapi error shape', async ({ relation, query }) => {
    const response = await http().get(`${listUrl(relation.type)}?${query}`).set(bearer(token));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
  });

  it.each(HIDDEN.map((relation) => ({ relation, name: relationName(relation) })))(
    '$name is absent from populate=* and from nested populates',
    async ({ relation }) => {
      const own = await http().get(`${listUrl(relation.type)}/${records[relation.type]}?populate=*`).set(bearer(token));
      expect(own.status).toBe(200);
      expect(own.body.data).not.toHaveProperty(relation.name);
      const nested = await http()
        .get(`${listUrl('lead')}/${records.lead}?populate[conversation][populate]=*`)
        .set(bearer(token));
      expect(nested.status).toBe(200);
      expect(nested.body.data.conversation).not.toHaveProperty(relation.type === 'conversation' ? relation.name : 'assignee');
    },
  );

  it("never shows an admin user's details through any populate", async () => {
    const bodies = await Promise.all(
      [
        `${listUrl('conversation')}?populate=*`,
        `${listUrl('conversation')}?populate[messages][populate]=*`,
        `${listUrl('message')}?populate[conversation][populate]=*`,
        `${listUrl('lead')}?populate[conversation][populate]=*`,
      ].map(async (path) => {
        const response = await http().get(path).set(bearer(token));
        expect(response.status).toBe(200);
        return JSON.stringify(response.body);
      }),
    );
    for (const body of bodies) {
      expect(body).not.toContain(agent.email);
      expect(body).not.toMatch(/"firstname"|"lastname"|"username"/);
    }
  });

  it('never populates a type the token may not read (Strapi drops or refuses it)', async () => {
    const onlyLeads = await app.strapi.service('admin::api-token').create({
      name: `leads-only-${randomBytes(4).toString('hex')}`,
      type: 'custom',
      lifespan: null,
      description: '',
      permissions: ['plugin::live-chat.lead.findOne'],
    });
    for (const query of ['populate[0]=organization', 'populate=organization', 'populate[organization]=*', 'populate=*']) {
      const response = await http().get(`${listUrl('lead')}/${records.lead}?${query}`).set(bearer(onlyLeads.accessKey));
      expect([200, 400]).toContain(response.status);
      if (response.status === 200) expect(response.body.data).not.toHaveProperty('organization');
      else expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    }
  });
});
