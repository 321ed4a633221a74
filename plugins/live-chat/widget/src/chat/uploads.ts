/**
 * G4: the visitor's files. A chosen file is checked against what the server said it accepts (so a
 * wrong type or a too-large file is refused at once, in the visitor's language, without sending
 * megabytes), shown as "sending", then posted over HTTP (a socket frame is capped at 64 KB). The
 * server still sniffs every file's bytes and has the last word.
 */
import type { TimelineEntry } from '../../../shared/contracts/conversations';
import { precheckAttachment, type AttachmentLimits } from '../../../shared/domain/attachments';
import { HttpError, postForm } from '../http';
import { format } from '../i18n/languages';
import type { ChatStrings } from '../i18n/strings';
import { newClientId, type MessageStore } from './store';
import type { View } from './view';

interface UploadDeps {
  base: string;
  language: string;
  t: ChatStrings;
  store: MessageStore;
  view: View;
  /** The visitor token of the current session (it may be refreshed). */
  token: () => string;
  /** The stored entry, to show like any timeline entry. */
  stored: (entry: TimelineEntry) => void;
}

export function createUploads({ base, language, t, store, view, token, stored }: UploadDeps) {
  /** Files on their way or failed, by client id: a retry sends the same file with the same id. */
  const files = new Map<string, File>();
  let limits: AttachmentLimits | null = null;

  const size = (bytes: number) =>
    new Intl.NumberFormat(language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));

  /** The visitor's own words for a refusal; the server's reasons are English, and ours say the same. */
  function refusalText(reason: 'too_large' | 'type_not_allowed' | 'empty'): string {
    if (reason === 'too_large' && limits) return format(t.fileTooLarge, { size: size(limits.maxBytes) });
    return t.fileRefused;
  }

  /**
   * One attempt. Stored (201, or 200 for a retry the server had already stored): the entry replaces
   * the pending row, and the same entry from the socket is recognised by seq. Refused (4xx): the row
   * goes and the reason shows. No answer, a 5xx or a 429: "not sent", with a retry.
   */
  async function upload(clientId: string, file: File): Promise<void> {
    const form = new FormData();
    form.append('clientId', clientId);
    form.append('files', file, file.name);
    try {
      const entry = await postForm<TimelineEntry>(base, 'attachments', form, token());
      files.delete(clientId);
      stored(entry);
    } catch (error) {
      if (error instanceof HttpError && error.status >= 400 && error.status < 500 && error.status !== 429) {
        files.delete(clientId);
        store.drop(clientId);
        view.drop(clientId);
        view.addNote(error.status === 413 ? refusalText('too_large') : t.fileRefused);
      } else {
        store.fail(clientId);
      }
      view.syncMessages(store.list());
    }
  }

  return {
    /** What the server accepts (from the session); the picker offers those types only. */
    setLimits(next: AttachmentLimits): void {
      limits = next;
      view.setAttachable(next.extensions);
    },

    /** The visitor chose a file. */
    attach(file: File): void {
      const refused = limits ? precheckAttachment(file, limits) : null;
      if (refused) {
        view.addNote(refusalText(refused));
        return;
      }
      const clientId = newClientId((bytes) => crypto.getRandomValues(bytes));
      if (!store.addPending(clientId, file.name, new Date(), 'file')) return;
      files.set(clientId, file);
      view.syncMessages(store.list());
      void upload(clientId, file);
    },

    /** Sends a failed file again; false when the item was not a file. */
    retry(clientId: string): boolean {
      const file = files.get(clientId);
      if (!file) return false;
      void upload(clientId, file);
      return true;
    },

    /** A file whose answer was lost arrived anyway (socket or sync): no retry needed. */
    arrived(clientId: string): void {
      files.delete(clientId);
    },

    clear(): void {
      files.clear();
    },
  };
}
