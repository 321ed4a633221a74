/**
 * G2, issue 14: how a conversation's counterpart is named — the ONE rule behind the inbox list, the
 * chat header, the side panel, desktop notifications and webhooks, so a chat reads the same name
 * everywhere. The agent's own record (the side panel's person, C1) wins over what the host page
 * said (`LiveChat.identify`), a name over an email, and a visitor nobody named gets a stable
 * "Visitor #<id>" label, so two anonymous chats never look alike.
 */

export interface DisplayNameSource {
  /** C1: the person name the agent recorded in the side panel. */
  personName?: string | null;
  personEmail?: string | null;
  /** E1: what the host page said with `LiveChat.identify`. */
  visitorName?: string | null;
  visitorEmail?: string | null;
  visitorId: number | null;
}

export type DisplayName =
  | { kind: 'named'; name: string }
  /** `number` is the visitor's id (null for a conversation without a visitor). */
  | { kind: 'anonymous'; number: number | null };

const present = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** Who the agent is talking to, by the rule above. */
export function displayNameOf(source: DisplayNameSource): DisplayName {
  const name =
    present(source.personName) ?? present(source.visitorName) ?? present(source.personEmail) ?? present(source.visitorEmail);
  return name ? { kind: 'named', name } : { kind: 'anonymous', number: source.visitorId };
}

/**
 * The name as text; `anonymous` words the label (the admin passes its translation, servers keep the
 * English default for webhooks and notifications' fallback text).
 */
export function displayNameText(
  name: DisplayName,
  anonymous: (number: number | null) => string = (number) => (number === null ? 'Visitor' : `Visitor #${number}`),
): string {
  return name.kind === 'named' ? name.name : anonymous(name.number);
}
