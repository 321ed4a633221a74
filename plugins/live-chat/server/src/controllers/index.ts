import { factories } from '@strapi/strapi';
import { CONTENT_API_TYPE_NAMES, contentApiUid } from '../content-api';
import adminAgent from './admin-agent';
import adminAssignment from './admin-assignment';
import adminAnalytics from './admin-analytics';
import adminCannedReplies from './admin-canned-replies';
import adminConversations from './admin-conversations';
import adminPlaybook from './admin-playbook';
import adminSettings from './admin-settings';
import attachments from './attachments';
import conversationActions from './conversation-actions';
import personalData from './personal-data';
import personalDataApi from './personal-data-api';
import widget from './widget';
import widgetAssets from './widget-assets';

const coreControllers = Object.fromEntries(
  CONTENT_API_TYPE_NAMES.map((name) => [name, factories.createCoreController(contentApiUid(name))]),
);

export default {
  ...coreControllers,
  'admin-agent': adminAgent,
  'admin-assignment': adminAssignment,
  'admin-analytics': adminAnalytics,
  'admin-canned-replies': adminCannedReplies,
  'admin-conversations': adminConversations,
  'admin-playbook': adminPlaybook,
  'admin-settings': adminSettings,
  attachments,
  'conversation-actions': conversationActions,
  'personal-data': personalData,
  'personal-data-api': personalDataApi,
  widget,
  'widget-assets': widgetAssets,
};
