/** F4: the rules a core content-API request must meet before Strapi's own controllers see it. */
export { checkBody } from './body';
export { checkQuery } from './query';
export { Issues, type InputIssue } from './issues';
export type { AttributeView, ModelLookup, ModelView } from './model';
