import { CONTENT_API_TYPES, CONTENT_API_TYPE_NAMES } from '../../plugins/live-chat/server/src/content-api';
import contentTypes from '../../plugins/live-chat/server/src/content-types';
import { CONTENT_TYPE_NAMES } from '../../plugins/live-chat/shared/constants';

type Schema = (typeof contentTypes)[keyof typeof contentTypes]['schema'];
const schemas = Object.entries(contentTypes) as Array<[string, { schema: Schema }]>;

describe('content-type definitions', () => {
  it('define exactly the content types the shared constants name', () => {
    expect(Object.keys(contentTypes).sort()).toEqual([...CONTENT_TYPE_NAMES].sort());
  });

  it.each(schemas)('%s lives in a live_chat_ table and is hidden from the Content-Type Builder', (name, { schema }) => {
    expect(schema.info.singularName).toBe(name);
    expect(schema.collectionName).toMatch(/^live_chat_[a-z_]+$/);
    expect(schema.pluginOptions['content-type-builder']).toEqual({ visible: false });
  });

  it('declares the E2 unique keys on messages', () => {
    const uniqueKeys = contentTypes.message.schema.indexes.filter((index) => index.type === 'unique');
    expect(uniqueKeys.map((index) => index.columns)).toEqual([
      ['conversation_id', 'seq'],
      ['conversation_id', 'client_id'],
      // G4: an attachment URL's key names one message.
      ['file_key'],
    ]);
  });

  it('stores the message → conversation relation as a column the unique keys can use', () => {
    expect(contentTypes.message.schema.attributes.conversation).toMatchObject({ useJoinTable: false });
  });

  // Strapi 5.54's document service maps documentIds only for link-table relations (F1).
  const writable = CONTENT_API_TYPE_NAMES.filter((name) => (CONTENT_API_TYPES[name] as readonly string[]).includes('create'));
  const writableRelations = writable.flatMap((name) =>
    Object.entries(contentTypes[name].schema.attributes as Record<string, Record<string, unknown>>)
      .filter(([, attribute]) => attribute.type === 'relation')
      .map(([attribute, definition]) => [`${name}.${attribute}`, definition] as const),
  );
  it.each(writableRelations)('%s, written through the content API, uses a link table', (_name, definition) => {
    expect(definition).not.toHaveProperty('useJoinTable', false);
  });
});
