import { isFetchError } from '@strapi/strapi/admin';
import * as React from 'react';
import type { ConversationDetail } from '../../../../shared/contracts/conversations';
import type { AgentServerEvents } from '../../../../shared/events';
import type { InboxApi } from '../../api/inbox';
import { apiProblem } from '../../api/problem';
import { useAgentSocket } from '../realtime/AgentSocketProvider';

export type ConversationState =
  | { kind: 'loading' }
  | { kind: 'ready'; detail: ConversationDetail }
  /** Not visible to this agent (404, or reassigned away while open, B6), with who has it now if known. */
  | { kind: 'gone'; assigneeName: string | null }
  | { kind: 'error'; message: string };

/**
 * The open conversation with its side panel and `allowedActions`, reloaded whenever the server
 * says it changed: the buttons follow the server's state machine, never a local guess.
 */
export function useConversation(api: InboxApi, documentId: string) {
  const socket = useAgentSocket();
  const [state, setState] = React.useState<ConversationState>({ kind: 'loading' });
  /** F5, G9: bumped when the conversation's content was erased, so the chat window loads it afresh. */
  const [erasures, setErasures] = React.useState(0);
  const generation = React.useRef(0);

  const reload = React.useCallback(async () => {
    const current = ++generation.current;
    try {
      const detail = await api.get(documentId);
      if (current === generation.current) setState({ kind: 'ready', detail });
    } catch (error) {
      if (current !== generation.current) return;
      if (isFetchError(error) && error.status === 404) setState({ kind: 'gone', assigneeName: null });
      else setState({ kind: 'error', message: apiProblem(error).message });
    }
  }, [api, documentId]);

  React.useEffect(() => {
    setState({ kind: 'loading' });
    void reload();
  }, [reload]);

  React.useEffect(() => {
    if (!socket) return;
    const onUpsert: AgentServerEvents['conversation:upsert'] = (conversation) => {
      if (conversation.documentId === documentId) void reload();
    };
    const onRemoved: AgentServerEvents['conversation:removed'] = (payload) => {
      if (payload.documentId !== documentId) return;
      generation.current += 1; // an answer still in flight must not bring it back
      setState({ kind: 'gone', assigneeName: payload.assigneeName });
    };
    const onErased: AgentServerEvents['conversation:erased'] = (payload) => {
      if (payload.documentId !== documentId) return;
      setErasures((count) => count + 1);
      void reload();
    };
    socket.on('conversation:upsert', onUpsert);
    socket.on('conversation:removed', onRemoved);
    socket.on('conversation:erased', onErased);
    return () => {
      socket.off('conversation:upsert', onUpsert);
      socket.off('conversation:removed', onRemoved);
      socket.off('conversation:erased', onErased);
    };
  }, [socket, documentId, reload]);

  /** An action's answer (assign, reassign, close, side panel) is the new state at once. */
  const replace = React.useCallback((detail: ConversationDetail) => {
    generation.current += 1;
    setState({ kind: 'ready', detail });
  }, []);

  return { state, erasures, reload, replace, setGone: () => setState({ kind: 'gone', assigneeName: null }) };
}
