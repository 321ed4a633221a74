import type { AdminActionKey } from '../constants';

/** GET /live-chat/me */
export interface MeResponse {
  data: {
    id: number;
    displayName: string;
    permissions: Record<AdminActionKey, boolean>;
  };
}

// The playbook screens' contracts live with their request schemas.
export type { PlaybookListResponse, PlaybookSummary } from './playbooks';
