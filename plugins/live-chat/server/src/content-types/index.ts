import activity from './activity';
import agentStatus from './agent-status';
import cannedReply from './canned-reply';
import card from './card';
import conversation from './conversation';
import deal from './deal';
import erasure from './erasure';
import installation from './installation';
import lead from './lead';
import message from './message';
import notificationSetting from './notification-setting';
import organization from './organization';
import person from './person';
import playbook from './playbook';
import visitor from './visitor';

/** Keyed by singular name: Strapi registers each as `plugin::live-chat.<key>`. */
export default {
  playbook,
  card,
  conversation,
  message,
  visitor,
  person,
  organization,
  lead,
  deal,
  activity,
  installation,
  'notification-setting': notificationSetting,
  'agent-status': agentStatus,
  'canned-reply': cannedReply,
  erasure,
};
