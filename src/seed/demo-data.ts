/**
 * The demo's fixed accounts. They exist only on a development database seeded by `npm start`;
 * change the passwords (or set LIVE_CHAT_DEMO_SEED=false) before exposing the app anywhere.
 */
export const DEMO_ADMIN = {
  firstname: 'Alex',
  lastname: 'Admin',
  email: 'admin@livechat.local',
  password: 'LiveChat-Admin-1',
};

export const DEMO_AGENTS = [
  { firstname: 'Ada', lastname: 'Agent', email: 'ada@livechat.local', password: 'LiveChat-Agent-1' },
  { firstname: 'Björn', lastname: 'Agent', email: 'bjorn@livechat.local', password: 'LiveChat-Agent-2' },
];

export const AGENT_ROLE = {
  name: 'Live Chat Agent',
  description: 'Works chats in the Live Chat inbox',
};

export const DEMO_PLAYBOOK = {
  name: 'Live Chat (demo)',
};
