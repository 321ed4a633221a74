/**
 * The server's sense of "now" for rules that depend on the time of day (G7 business hours). A
 * service, not a global, so a test that boots Strapi in its own process can move the time
 * (`jest.spyOn(service, 'now')`) without sleeping; no route, socket or setting reaches it.
 */
export default () => ({
  /** The current time. */
  now: (): Date => new Date(),
});

export interface Clock {
  now: () => Date;
}
