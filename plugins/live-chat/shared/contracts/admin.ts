import type { AdminActionKey } from '../constants';

/** GET /live-chat/me */
export interface MeResponse {
  data: {
    id: number;
    displayName: string;
    permissions: Record<AdminActionKey, boolean>;
  };
}

export interface PlaybookSummary {
  documentId: string;
  name: string;
  active: boolean;
  published: boolean;
  updatedAt: string;
}

/** GET /live-chat/playbooks */
export interface PlaybookListResponse {
  data: PlaybookSummary[];
}
