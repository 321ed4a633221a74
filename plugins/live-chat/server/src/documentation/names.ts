/** Naming shared by the plugin's OpenAPI parts; `LiveChat<Type>` is the documentation plugin's own. */
export type JsonSchema = Record<string, unknown>;

export const SCHEMA_PREFIX = 'LiveChat';
export const pascal = (name: string) =>
  name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
