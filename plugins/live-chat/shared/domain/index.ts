/** The pure domain rules shared by server, admin and widget. */
export * from './conversation';
export * from './visibility';
export * from './wait-time';
export * from './side-panel';
export * from './crm';
export * from './messaging';
export * from './rich-text';
export * from './playbook-flow';
export * from './search';
export * from './audience';
export * from './bot-transcript';
export * from './attachments';
export * from './business-hours';
export * from './auto-assignment';
export * from './analytics';
export * from './satisfaction';
export * from './personal-data';
