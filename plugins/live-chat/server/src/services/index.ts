import { factories } from '@strapi/strapi';
import { CONTENT_API_TYPE_NAMES, contentApiUid } from '../content-api';
import agents from './agents';
import attachments from './attachments';
import availability from './availability';
import cannedReplies from './canned-replies';
import conversations from './conversations';
import crm from './crm';
import eventBus from './event-bus';
import flow from './flow';
import installations from './installations';
import messages from './messages';
import notificationSettings from './notification-settings';
import personalData from './personal-data';
import playbooks from './playbooks';
import presence from './presence';
import realtime from './realtime';
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
  attachments,
  availability,
  'canned-replies': cannedReplies,
  conversations,
  crm,
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
  'personal-data': personalData,
  retention,
  visitors,
};
