import type { TimelineEntry } from '../../../shared/contracts/conversations';
import { isInternal } from '../../../shared/domain/audience';
import type { SubjectKind } from '../../../shared/domain/personal-data';

type Row = Record<string, unknown>;

/** One timeline entry as the export carries it: flagged internal (notes), with its file's place in the archive. */
export interface ExportedEntry extends TimelineEntry {
  internal: boolean;
  /** The file's path inside the archive, when the file is still stored. */
  file: string | null;
}

export interface ExportedConversation {
  documentId: string;
  status: string;
  createdAt: string;
  assignedAt: string | null;
  closedAt: string | null;
  missedAt: string | null;
  assignee: string | null;
  sidePanel: Record<string, unknown>;
  rating: { rating: number; comment: string | null; ratedAt: string | null } | null;
  timeline: ExportedEntry[];
}

/** The machine-readable export (personal-data.json), documented in docs/api.md. */
export interface PersonalDataExport {
  format: 'strapi-plugin-live-chat/personal-data';
  version: 1;
  exportedAt: string;
  subject: { kind: SubjectKind; documentId: string };
  visitors: Row[];
  persons: Row[];
  conversations: ExportedConversation[];
  leads: Row[];
  deals: Row[];
  activities: Row[];
}

const RELATIONS = ['person', 'organization', 'conversation', 'lead', 'deal'];
const INTERNAL_COLUMNS = ['id', 'publishedAt', 'locale'];

/**
 * A query-engine row as the export shows it: no database ids, related records by documentId (and
 * their name or title), dates as ISO text.
 */
export function exportedRecord(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (INTERNAL_COLUMNS.includes(key)) continue;
    if (RELATIONS.includes(key) || (typeof value === 'object' && value !== null && !(value instanceof Date) && 'documentId' in value)) {
      const related = value as Row | null;
      out[key] = related ? { documentId: related.documentId, ...('name' in related ? { name: related.name } : {}), ...('title' in related ? { title: related.title } : {}) } : null;
      continue;
    }
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/** A timeline entry of the export; notes are the company's records about the person, so they are included. */
export const exportedEntry = (entry: TimelineEntry, file: string | null): ExportedEntry => ({
  ...entry,
  internal: isInternal(entry),
  file,
});
