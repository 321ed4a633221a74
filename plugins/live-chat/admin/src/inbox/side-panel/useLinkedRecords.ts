import * as React from 'react';
import type { ConversationCrmRecordsResponse } from '../../../../shared/contracts/crm';
import { useSidePanelApi } from '../../api/side-panel';

export type LinkedRecords = ConversationCrmRecordsResponse['data'];

/**
 * C2: the person, organization, leads and deals linked to the conversation. Reloaded when the
 * conversation or its person / organization link changes, and by the caller after it created one.
 */
export function useLinkedRecords(conversation: { documentId: string; person: { id: number } | null; organization: { id: number } | null }) {
  const api = useSidePanelApi();
  const [records, setRecords] = React.useState<LinkedRecords | null>(null);
  const { documentId } = conversation;
  const personId = conversation.person?.id ?? null;
  const organizationId = conversation.organization?.id ?? null;
  const latest = React.useRef(0);

  const reload = React.useCallback(async () => {
    const call = ++latest.current;
    try {
      const data = await api.linkedRecords(documentId);
      // A slower answer for the previous conversation must not overwrite this one's.
      if (call === latest.current) setRecords(data);
    } catch {
      if (call === latest.current) setRecords(null);
    }
  }, [api, documentId]);

  React.useEffect(() => {
    setRecords(null);
  }, [documentId]);

  React.useEffect(() => {
    void reload();
  }, [reload, personId, organizationId]);

  return { records, reload };
}
