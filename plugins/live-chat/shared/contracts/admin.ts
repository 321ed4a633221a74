import type { AdminActionKey } from '../constants';

/** GET /live-chat/me */
export interface MeResponse {
  data: {
    id: number;
    displayName: string;
    permissions: Record<AdminActionKey, boolean>;
    /** B6: sees conversations assigned to other agents (the "see all" permission, or a super admin when configured). */
    seesAllConversations: boolean;
  };
}

// The playbook screens' contracts live with their request schemas.
export type { PlaybookListResponse, PlaybookSummary } from './playbooks';
