import { Badge, Box, Button, EmptyStateLayout, Field, Flex, IconButton, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Pencil, Plus, Trash } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { adminAction } from '../../../shared/constants';
import type { CannedReply, CannedReplyLocale } from '../../../shared/contracts/canned-replies';
import { useCannedReplyApi } from '../api/canned-replies';
import { apiProblem } from '../api/problem';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { useT } from '../hooks/useT';
import { CannedReplyForm, type CannedReplyDraft } from './canned-replies/CannedReplyForm';

/** Who may open the page: agents (to look) and whoever manages canned replies (G3). */
export const CANNED_REPLIES_PERMISSIONS = [
  { action: adminAction('useInbox'), subject: null },
  { action: adminAction('manageCannedReplies'), subject: null },
];

/** A row: the reply's copy in the shown language, or, outside the default language, a reply that has none yet. */
interface Row {
  reply: CannedReply | null;
  /** The default language's copy, the starting point of a new copy. */
  source: CannedReply | null;
}

type Editing = { kind: 'new' } | { kind: 'edit'; reply: CannedReply } | { kind: 'copy'; source: CannedReply };

interface Loaded {
  rows: Row[];
  locales: CannedReplyLocale[];
  defaultLocale: string;
}

/**
 * G3, Settings > Live Chat > Canned replies: the replies of one language (Settings >
 * Internationalization's locales), each language's copy with its own shortcut, title and text.
 * Roles with "Manage canned replies" add, edit and delete; agents see what they can insert.
 */
const CannedRepliesSettingsPage = () => {
  const tr = useT();
  const api = useCannedReplyApi();
  const { toggleNotification } = useNotification();
  const [canManage, setCanManage] = React.useState<boolean | null>(null);
  const [locale, setLocale] = React.useState<string | undefined>(undefined);
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [editing, setEditing] = React.useState<Editing | null>(null);
  const [deleting, setDeleting] = React.useState<CannedReply | null>(null);

  const fail = React.useCallback((error: unknown) => toggleNotification({ type: 'danger', message: apiProblem(error).message }), [toggleNotification]);

  const load = React.useCallback(async () => {
    const shown = await api.list(locale);
    const { defaultLocale } = shown.meta;
    let rows: Row[] = shown.data.map((reply) => ({ reply, source: null }));
    if (shown.meta.locale !== defaultLocale) {
      // Replies of the default language without a copy here can get one.
      const base = await api.list(defaultLocale);
      rows = [...rows, ...base.data.filter((reply) => !reply.locales.includes(shown.meta.locale)).map((source) => ({ reply: null, source }))];
    }
    setLoaded({ rows, locales: shown.meta.locales, defaultLocale });
    if (locale === undefined) setLocale(shown.meta.locale);
  }, [api, locale]);

  React.useEffect(() => {
    api.me().then((me) => setCanManage(me.permissions.manageCannedReplies), fail);
  }, [api, fail]);
  React.useEffect(() => {
    load().catch(fail);
  }, [load, fail]);

  if (canManage === null || loaded === null || locale === undefined) return <Page.Loading />;
  const languageName = (code: string) => loaded.locales.find((l) => l.code === code)?.name ?? code;
  const language = languageName(locale);

  const save = async (draft: CannedReplyDraft) => {
    if (!editing) return;
    if (editing.kind === 'new') await api.create(draft, locale);
    else await api.update(editing.kind === 'edit' ? editing.reply.documentId : editing.source.documentId, draft, locale);
    setEditing(null);
    toggleNotification({ type: 'success', message: tr('canned.saved', 'Canned reply saved') });
    await load();
  };

  const remove = async () => {
    if (!deleting) return;
    try {
      await api.remove(deleting.documentId, locale);
      toggleNotification({ type: 'success', message: tr('canned.deleted', 'Canned reply deleted') });
    } catch (error) {
      fail(error);
    }
    setDeleting(null);
    await load().catch(fail);
  };

  const heading =
    editing?.kind === 'edit'
      ? tr('canned.edit.title', 'Edit /{shortcut} ({language})', { shortcut: editing.reply.shortcut, language })
      : editing?.kind === 'copy'
        ? tr('canned.copy.title', 'The {language} copy of /{shortcut}', { shortcut: editing.source.shortcut, language })
        : tr('canned.new.title', 'New canned reply ({language})', { language });
  // Only the three fields: the API refuses anything else (strict schemas).
  const from = editing?.kind === 'edit' ? editing.reply : editing?.kind === 'copy' ? editing.source : null;
  const initial: CannedReplyDraft = from ? { shortcut: from.shortcut, title: from.title, body: from.body } : { shortcut: '', title: '', body: '' };

  return (
    <Page.Main>
      <Page.Title>{tr('canned.settings.title', 'Canned replies')}</Page.Title>
      <Layouts.Header
        title={tr('canned.settings.title', 'Canned replies')}
        subtitle={tr('canned.settings.subtitle', 'Saved answers agents insert by typing / in the reply box, in the visitor’s language')}
        primaryAction={
          canManage ? (
            <Button startIcon={<Plus />} onClick={() => setEditing({ kind: 'new' })}>
              {tr('canned.new', 'New canned reply')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {loaded.locales.length > 1 ? (
            <Box maxWidth="320px">
              <Field.Root name="locale">
                <Field.Label>{tr('canned.locale', 'Language')}</Field.Label>
                <SingleSelect value={locale} onChange={(code: string | number) => setLocale(String(code))} size="S">
                  {loaded.locales.map((l) => (
                    <SingleSelectOption key={l.code} value={l.code}>
                      {l.isDefault ? tr('canned.locale.default', '{language} (default)', { language: l.name }) : l.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
          ) : null}
          {!canManage ? (
            <Typography variant="pi" textColor="neutral600">
              {tr('canned.readOnly', 'Your role may insert these replies; changing them needs the "Manage canned replies" permission.')}
            </Typography>
          ) : null}
          {loaded.rows.length === 0 ? (
            <EmptyStateLayout content={tr('canned.empty', 'No canned replies in {language} yet.', { language })} />
          ) : (
            <Table colCount={5} rowCount={loaded.rows.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{tr('canned.field.shortcut', 'Shortcut')}</Typography></Th>
                  <Th><Typography variant="sigma">{tr('canned.field.title', 'Title')}</Typography></Th>
                  <Th><Typography variant="sigma">{tr('canned.field.body', 'Text')}</Typography></Th>
                  <Th><Typography variant="sigma">{tr('canned.languages', 'Languages')}</Typography></Th>
                  <Th><Typography variant="sigma">{tr('canned.actions', 'Actions')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {loaded.rows.map(({ reply, source }) => {
                  const shown = reply ?? source;
                  if (!shown) return null;
                  return (
                    <Tr key={shown.documentId} data-canned-reply={shown.shortcut}>
                      <Td><Typography fontWeight="bold">/{shown.shortcut}</Typography></Td>
                      <Td><Typography>{shown.title}</Typography></Td>
                      <Td style={{ maxWidth: '360px' }}>
                        {reply ? (
                          <Typography ellipsis lang={reply.locale}>{reply.body}</Typography>
                        ) : (
                          <Typography textColor="neutral600">{tr('canned.noCopy', 'No {language} copy yet', { language })}</Typography>
                        )}
                      </Td>
                      <Td>
                        <Flex gap={1}>
                          {shown.locales.map((code) => (
                            <Badge key={code} active={code === locale} title={languageName(code)}>{code}</Badge>
                          ))}
                        </Flex>
                      </Td>
                      <Td>
                        {canManage ? (
                          reply ? (
                            <Flex gap={1}>
                              <IconButton label={tr('canned.edit', 'Edit /{shortcut}', { shortcut: reply.shortcut })} variant="ghost" onClick={() => setEditing({ kind: 'edit', reply })}>
                                <Pencil />
                              </IconButton>
                              <IconButton label={tr('canned.delete', 'Delete /{shortcut}', { shortcut: reply.shortcut })} variant="ghost" onClick={() => setDeleting(reply)}>
                                <Trash />
                              </IconButton>
                            </Flex>
                          ) : source ? (
                            <Button size="S" variant="secondary" startIcon={<Plus />} onClick={() => setEditing({ kind: 'copy', source })}>
                              {tr('canned.addCopy', 'Add the {language} copy', { language })}
                            </Button>
                          ) : null
                        ) : null}
                      </Td>
                    </Tr>
                  );
                })}
              </Tbody>
            </Table>
          )}
        </Flex>
      </Layouts.Content>
      {editing ? <CannedReplyForm heading={heading} initial={initial} onSave={save} onClose={() => setEditing(null)} /> : null}
      <ConfirmDelete
        message={
          deleting
            ? deleting.locales.length > 1
              ? tr('canned.delete.copy', 'Delete the {language} copy of /{shortcut}? Its copies in other languages stay.', { language, shortcut: deleting.shortcut })
              : tr('canned.delete.confirm', 'Delete /{shortcut}?', { shortcut: deleting.shortcut })
            : null
        }
        onConfirm={remove}
        onCancel={() => setDeleting(null)}
      />
    </Page.Main>
  );
};

/** Guarded like Strapi's own settings pages: without either permission, the "no permissions" page. */
export const ProtectedCannedRepliesSettingsPage = () => (
  <Page.Protect permissions={CANNED_REPLIES_PERMISSIONS}>
    <CannedRepliesSettingsPage />
  </Page.Protect>
);

export default ProtectedCannedRepliesSettingsPage;
