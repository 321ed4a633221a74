import { z } from 'zod';
import { CRM_KINDS, type CrmKind } from '../domain/crm';

/** A CRM record a conversation is linked to, as the side panel lists it (C2). */
export interface CrmRecordRef {
  kind: CrmKind;
  documentId: string;
  title: string;
  createdAt: string;
}

/** The person or organization a conversation is linked to (C2: de-duplicated by email / name). */
export interface CrmContactRef {
  documentId: string;
  name: string | null;
}

/** GET /live-chat/conversations/:documentId/crm-records */
export interface ConversationCrmRecordsResponse {
  data: {
    person: CrmContactRef | null;
    organization: CrmContactRef | null;
    /** Oldest first. */
    leads: CrmRecordRef[];
    deals: CrmRecordRef[];
  };
}

/** A lead or deal created from a conversation (C2). */
export const createdCrmRecordSchema = z.object({
  kind: z.enum(CRM_KINDS),
  documentId: z.string(),
  title: z.string(),
  person: z.object({ documentId: z.string() }).nullable(),
  organization: z.object({ documentId: z.string() }).nullable(),
});

export type CreatedCrmRecord = z.infer<typeof createdCrmRecordSchema>;

/** POST /live-chat/conversations/:documentId/leads | deals (201) */
export interface CreatedCrmRecordResponse {
  data: CreatedCrmRecord;
}
