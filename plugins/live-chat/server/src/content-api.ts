import { uid } from '../../shared/constants';

/**
 * The content types a developer reaches through Strapi's content API (F1), and which of the core
 * actions each offers. Conversations and messages change only through the plugin's own actions
 * (assign, close, send …), so the generic write routes are not exposed for them.
 */
export const CONTENT_API_TYPES = {
  conversation: ['find', 'findOne'],
  message: ['find', 'findOne'],
  lead: ['find', 'findOne', 'create', 'update', 'delete'],
  deal: ['find', 'findOne', 'create', 'update', 'delete'],
  person: ['find', 'findOne', 'create', 'update', 'delete'],
  organization: ['find', 'findOne', 'create', 'update', 'delete'],
  activity: ['find', 'findOne', 'create', 'update', 'delete'],
} as const;

export type ContentApiTypeName = keyof typeof CONTENT_API_TYPES;
export const CONTENT_API_TYPE_NAMES = Object.keys(CONTENT_API_TYPES) as ContentApiTypeName[];
export const contentApiUid = (name: ContentApiTypeName) => uid(name);
