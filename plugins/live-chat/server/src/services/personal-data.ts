import type { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { PERSON_ERASED_WEBHOOK } from '../../../shared/constants';
import { canSee, type Agent } from '../../../shared/domain';
import { isErasureConfirmed, type SubjectKind } from '../../../shared/domain/personal-data';
import { invalidInput, notFound, forbidden } from '../errors';
import { exportedEntry, exportedRecord, type ExportedConversation, type PersonalDataExport } from '../personal-data/export-document';
import { transcriptHtml } from '../personal-data/transcript-html';
import { zipStream, type ArchiveEntry } from '../personal-data/archive';
import { toTimelineEntry } from '../presenters';
import type { ConversationRecord } from '../repositories/conversations';
import { createPersonalDataRepository, emptyCounts, type ErasureCounts, type SubjectScope } from '../repositories/personal-data';
import type { AttachmentService } from './attachments';
import type { EventBus } from './event-bus';

/** Who asks: an admin in the panel (B6 applies), or an integration holding the content API permission. */
export type PersonalDataActor = { kind: 'admin'; agent: Agent } | { kind: 'api-token' };

/** What the side panel shows before the admin confirms an erasure. */
export interface SubjectSummary {
  kind: 'visitor' | 'person';
  documentId: string;
  /** The name the admin types to confirm (null: they type ERASE). */
  name: string | null;
  conversations: number;
}

interface Resolved {
  summary: SubjectSummary;
  scope: SubjectScope;
  records: ConversationRecord[];
}

const safeName = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'file';

/**
 * F5: export and erasure of one person's (or visitor's) data across all their conversations. The
 * scope is everything that belongs to the same human (repositories/personal-data.ts scopeOf);
 * what counts as personal is declared once in shared/domain/personal-data.ts.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createPersonalDataRepository(strapi);
  const attachments = () => strapi.plugin('live-chat').service('attachments') as AttachmentService;
  const bus = () => strapi.plugin('live-chat').service('event-bus') as EventBus;

  /**
   * B6: an admin without "See all conversations" may act only on a person whose every conversation
   * they may see; otherwise another agent's private chat would leak through the export.
   */
  function checkAccess(actor: PersonalDataActor, records: ConversationRecord[]) {
    if (actor.kind !== 'admin' || actor.agent.canSeeAll) return;
    if (records.some((record) => !canSee(actor.agent, record))) {
      throw forbidden("This person has conversations you may not see (B6); exporting or erasing them needs 'See all conversations'");
    }
  }

  async function resolve(actor: PersonalDataActor, kind: SubjectKind, documentId: string): Promise<Resolved> {
    const seed = await repository.findSeed(kind, documentId);
    if (!seed) throw notFound(kind === 'visitor' ? 'Visitor' : kind === 'person' ? 'Person' : 'Conversation');
    const scope = await repository.scopeOf(seed);
    const records = await repository.conversationRecords(scope.conversationIds);
    // A conversation the admin may not see answers 404 as everywhere else, so ids cannot be probed.
    if (kind === 'conversation' && actor.kind === 'admin' && !records.some((record) => record.documentId === documentId && canSee(actor.agent, record))) {
      throw notFound('Conversation');
    }
    checkAccess(actor, records);
    const persons = await repository.personRows(scope.personIds);
    const visitors = await repository.visitorRows(scope.visitorIds);
    const person = persons[0];
    const visitor = visitors[0];
    const named = records.find((record) => record.sidePanel.personName)?.sidePanel.personName ?? null;
    const summary: SubjectSummary = person
      ? { kind: 'person', documentId: String(person.documentId), name: (person.name as string | null) ?? named, conversations: records.length }
      : { kind: 'visitor', documentId: String(visitor?.documentId ?? documentId), name: (visitor?.name as string | null) ?? named, conversations: records.length };
    return { summary, scope, records };
  }

  async function buildExport(kind: SubjectKind, documentId: string, resolved: Resolved) {
    const files: ArchiveEntry[] = [];
    const conversations: ExportedConversation[] = [];
    for (const record of resolved.records) {
      const timeline = [];
      for (const { entry: stored, fileId } of await repository.timelineOf(record.id)) {
        const entry = toTimelineEntry(stored);
        let file: string | null = null;
        if (fileId !== null && stored.attachment) {
          file = `files/${record.documentId}/${stored.seq}-${safeName(stored.attachment.name ?? 'file')}`;
          files.push({ name: file, open: async () => (await attachments().openStored(fileId)) ?? Promise.reject(new Error('File erased')) });
        }
        timeline.push(exportedEntry(entry, file));
      }
      conversations.push({
        documentId: record.documentId,
        status: record.status,
        createdAt: record.createdAt.toISOString(),
        assignedAt: record.assignedAt?.toISOString() ?? null,
        closedAt: record.closedAt?.toISOString() ?? null,
        missedAt: record.missedAt?.toISOString() ?? null,
        assignee: record.assigneeName,
        sidePanel: { ...record.sidePanel },
        rating: await repository.ratingOf(record.id),
        timeline,
      });
    }
    const crm = await repository.crmRows(resolved.scope);
    const document: PersonalDataExport = {
      format: 'strapi-plugin-live-chat/personal-data',
      version: 1,
      exportedAt: new Date().toISOString(),
      subject: { kind, documentId },
      visitors: (await repository.visitorRows(resolved.scope.visitorIds)).map(exportedRecord),
      persons: (await repository.personRows(resolved.scope.personIds)).map(exportedRecord),
      conversations,
      leads: crm.leads.map(exportedRecord),
      deals: crm.deals.map(exportedRecord),
      activities: crm.activities.map(exportedRecord),
    };
    return { document, files };
  }

  /** Erases the scope's database rows in one transaction; answers the counts and the erased conversations. */
  async function eraseRows(scope: SubjectScope, now: Date): Promise<ErasureCounts> {
    const identifiers = await repository.identifiersOf(scope);
    return strapi.db.transaction(async ({ trx }) => {
      const counts = emptyCounts();
      for (const id of scope.conversationIds) {
        counts.messages += await repository.eraseConversation(trx, id, identifiers, now);
        counts.conversations += 1;
      }
      counts.visitors = await repository.anonymizeVisitors(trx, scope.visitorIds, now);
      Object.assign(counts, await repository.redactCrm(trx, scope, identifiers));
      counts.persons = await repository.deletePersons(trx, scope.personIds);
      return counts;
    });
  }

  /** Removes the files of erased conversations through the upload plugin (the second store). */
  async function eraseFiles(conversationIds: number[]): Promise<number> {
    let removed = 0;
    for (const id of conversationIds) removed += await attachments().eraseFilesOf(id);
    return removed;
  }

  /** Tells open clients the conversations' content is gone (the realtime listener refreshes them). */
  async function announce(conversationIds: number[], actorId: number | null) {
    for (const record of await repository.conversationRecords(conversationIds)) {
      await bus().publish({ type: 'conversation:erased', conversation: record, entries: [], actorId });
    }
  }

  const actorOf = (actor: PersonalDataActor) =>
    actor.kind === 'admin'
      ? { actorKind: 'admin', actorId: actor.agent.id, actorName: actor.agent.displayName }
      : { actorKind: 'api-token', actorId: null, actorName: null };

  return {
    /** The subject an export or erasure of `kind`/`documentId` covers, for the confirmation dialog. */
    async describe(actor: PersonalDataActor, kind: SubjectKind, documentId: string): Promise<SubjectSummary> {
      return (await resolve(actor, kind, documentId)).summary;
    },

    /** F5: the export as a zip stream (personal-data.json, transcript.html, files/…). */
    async exportArchive(actor: PersonalDataActor, kind: SubjectKind, documentId: string): Promise<{ body: Readable; filename: string }> {
      const resolved = await resolve(actor, kind, documentId);
      const { document, files } = await buildExport(kind, documentId, resolved);
      const entries: ArchiveEntry[] = [
        { name: 'personal-data.json', text: JSON.stringify(document, null, 2) },
        { name: 'transcript.html', text: transcriptHtml(document) },
        ...files,
      ];
      const body = zipStream(entries, (error) => strapi.log.warn(`[live-chat] personal data export: ${String(error)}`));
      return { body, filename: `personal-data-${resolved.summary.kind}-${resolved.summary.documentId}.zip` };
    },

    /**
     * F5: erases everything that identifies the subject, irreversibly: the database in one
     * transaction, then the files through the upload plugin, then the audit log entry, the
     * `person.erased` webhook and the realtime refresh. `confirmation` must be the subject's name or ERASE.
     */
    async erase(actor: PersonalDataActor, kind: SubjectKind, documentId: string, confirmation: string): Promise<{ subject: SubjectSummary; counts: ErasureCounts }> {
      const resolved = await resolve(actor, kind, documentId);
      if (!isErasureConfirmed(confirmation, resolved.summary.name)) {
        const message = "Type the person's name or ERASE to confirm";
        throw invalidInput('Erasure not confirmed', [{ path: ['confirm'], message }]);
      }
      const counts = await eraseRows(resolved.scope, new Date());
      counts.files = await eraseFiles(resolved.scope.conversationIds);
      const subject = { ...resolved.summary, name: null };
      await repository.recordErasure({ ...actorOf(actor), subjectKind: subject.kind, counts });
      strapi.eventHub.emit(PERSON_ERASED_WEBHOOK, { subject: { kind: subject.kind, documentId: subject.documentId }, counts });
      await announce(resolved.scope.conversationIds, actor.kind === 'admin' ? actor.agent.id : null);
      return { subject, counts };
    },

    /** F5: the erasure audit log, newest first. */
    async erasures(page: number, pageSize: number) {
      const { rows, total } = await repository.listErasures(page, pageSize);
      return {
        data: rows.map((row) => ({
          id: Number(row.id),
          createdAt: row.createdAt instanceof Date ? row.createdAt.toISOString() : String(row.createdAt),
          actor: { kind: String(row.actorKind), id: row.actorId === null ? null : Number(row.actorId), name: (row.actorName as string | null) ?? null },
          subjectKind: String(row.subjectKind),
          counts: (typeof row.counts === 'string' ? JSON.parse(row.counts) : row.counts) as ErasureCounts,
        })),
        meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } },
      };
    },

    /**
     * G9: erases the content of conversations (retention): each claimed once across processes
     * (erased_at compare-and-set) in its own short transaction, then its files. Answers the counts.
     */
    async eraseConversations(conversationIds: number[], now: Date): Promise<ErasureCounts> {
      const counts = emptyCounts();
      const erased: number[] = [];
      for (const id of conversationIds) {
        const scope = { visitorIds: [], personIds: [], conversationIds: [id] };
        const identifiers = await repository.identifiersOf(scope);
        const messages = await strapi.db.transaction(async ({ trx }) => {
          if (!(await repository.claim(trx, id, now))) return null;
          return repository.eraseConversation(trx, id, identifiers, now);
        });
        if (messages === null) continue;
        counts.conversations += 1;
        counts.messages += messages;
        erased.push(id);
      }
      counts.files = await eraseFiles(erased);
      if (erased.length) await announce(erased, null);
      return counts;
    },

    /** Removes files an erasure left behind when it stopped between its two stores; answers how many. */
    async eraseLeftoverFiles(): Promise<number> {
      return eraseFiles(await repository.erasedWithFiles(50));
    },

    /** Appends a retention run to the audit log. */
    async recordRetention(counts: ErasureCounts) {
      await repository.recordErasure({ actorKind: 'retention', actorId: null, actorName: null, subjectKind: 'retention', counts });
    },
  };
};

export type PersonalDataService = ReturnType<typeof import('./personal-data').default>;
