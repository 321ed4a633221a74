import { factories } from '@strapi/strapi';
import { CONTENT_API_TYPE_NAMES, contentApiUid } from '../content-api';
import agents from './agents';
import analytics from './analytics';
import attachments from './attachments';
import autoAssignment from './auto-assignment';
import availability from './availability';
import cannedReplies from './canned-replies';
import clock from './clock';
import conversations from './conversations';
import crm from './crm';
import emailLinks from './email-links';
import emailOutbox from './email-outbox';
import emailSettings from './email-settings';
import emails from './emails';
import eventBus from './event-bus';
import flow from './flow';
import installations from './installations';
import messages from './messages';
import notificationSettings from './notification-settings';
import personalData from './personal-data';
import playbooks from './playbooks';
import presence from './presence';
import realtime from './realtime';
import satisfaction from './satisfaction';
import retention from './retention';
import sidePanel from './side-panel';
import sweeper from './sweeper';
import visitors from './visitors';
import waitTime from './wait-time';

const coreServices = Object.fromEntries(
  CONTENT_API_TYPE_NAMES.map((name) => [name, factories.createCoreService(contentApiUid(name))]),
);

export default {
  ...coreServices,
  playbooks,
  agents,
  analytics,
  attachments,
  'auto-assignment': autoAssignment,
  availability,
  clock,
  'canned-replies': cannedReplies,
  conversations,
  crm,
  emails,
  'email-links': emailLinks,
  'email-outbox': emailOutbox,
  'email-settings': emailSettings,
  'event-bus': eventBus,
  flow,
  installations,
  messages,
  'side-panel': sidePanel,
  sweeper,
  'wait-time': waitTime,
  presence,
  'notification-settings': notificationSettings,
  realtime,
  satisfaction,
  'personal-data': personalData,
  retention,
  visitors,
};
