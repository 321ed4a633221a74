/**
 * What the widget offers once a chat is closed: the satisfaction question (issue 16, G6), answered
 * once over the visitor socket, and the transcript by email (G8). A refusal that means "asked
 * already" or "turned off" takes the question away; a transient one leaves it to try again.
 */
import type { Socket } from 'socket.io-client';
import type { Ack, VisitorClientEvents, VisitorConversation, VisitorServerEvents } from '../../../shared/events';
import { HttpError, post } from '../http';
import { format } from '../i18n/languages';
import type { ChatStrings } from '../i18n/strings';
import type { View } from './view';

type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;
const TRANSIENT = ['invalid_payload', 'rate_limited', 'internal_error'];

interface AfterCloseDeps {
  base: string;
  t: ChatStrings;
  view: View;
  ackTimeoutMs: number;
  token: () => string;
  socket: () => VisitorSocket | null;
}

export function createAfterClose({ base, t, view, ackTimeoutMs, token, socket }: AfterCloseDeps) {
  /** The rating question on screen, for the conversation it asks about. */
  let asked: { documentId: string; remove: () => void } | null = null;

  async function answer(send: (live: VisitorSocket) => Promise<Ack<VisitorConversation>>): Promise<boolean> {
    const live = socket();
    if (!live) return false;
    try {
      const ack = await send(live.timeout(ackTimeoutMs) as VisitorSocket);
      if (ack.ok) return true;
      if (!TRANSIENT.includes(ack.error.code)) asked?.remove();
      return false;
    } catch {
      return false;
    }
  }

  return {
    /** Asks for the rating of a closed conversation; answers the question's handle (to focus it). */
    askRating(documentId: string) {
      const question = view.addRating(
        (score, comment) => answer((live) => live.emitWithAck('rating:submit', { score, comment })),
        () => answer((live) => live.emitWithAck('rating:dismiss', {})),
      );
      asked = { documentId, remove: question.remove };
      return question;
    },

    /** The server no longer asks (answered in another tab, or CSAT turned off): the question goes. */
    withdraw(conversation: VisitorConversation): void {
      if (!conversation.askRating && asked?.documentId === conversation.documentId) asked.remove();
    },

    /** G8: the transcript by email, to the address the visitor gave (capture or the page's identify). */
    async emailTranscript(): Promise<void> {
      try {
        const sent = await post<{ email: string }>(base, 'transcript', {}, token());
        view.addNote(format(t.transcriptSent, { email: sent.email }));
      } catch (error) {
        const noEmail = error instanceof HttpError && (error.body?.error?.details?.errors ?? []).some((e) => e.path[0] === 'email');
        view.addNote(noEmail ? t.transcriptNoEmail : t.error);
      }
    },
  };
}
