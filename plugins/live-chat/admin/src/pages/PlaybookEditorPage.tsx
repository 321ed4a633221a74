import { Box, Button, Flex, Grid, Link, Typography } from '@strapi/design-system';
import { ArrowLeft, Check, Trash } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import * as React from 'react';
import { NavLink, useNavigate, useParams } from 'react-router-dom';
import type { PlaybookCard } from '../../../shared/contracts/playbooks';
import { AddCardMenu } from '../components/AddCardMenu';
import { CardEditorModal } from '../components/CardEditorModal';
import { CardList } from '../components/CardList';
import { ConfirmDelete } from '../components/ConfirmDelete';
import { EmbedSnippet } from '../components/EmbedSnippet';
import { InstallationsTable } from '../components/InstallationsTable';
import { CreateCopyPanel, LocaleSwitcher } from '../components/LocaleSwitcher';
import { PlaybookSettings } from '../components/PlaybookSettings';
import { ActiveBadge, PublishStatus } from '../components/StatusBadges';
import { useCanManagePlaybooks } from '../hooks/useCanManagePlaybooks';
import { usePlaybookEditor } from '../hooks/usePlaybookEditor';
import { useT } from '../hooks/useT';
import { newCardDraft, type CardDraft } from '../utils/cards';

/** A titled white panel, as Strapi's edit views group their fields. */
const Panel = ({ title, children, action }: { title: string; children: React.ReactNode; action?: React.ReactNode }) => (
  <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between" alignItems="center" gap={2}>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        {action}
      </Flex>
      {children}
    </Flex>
  </Box>
);

/** A1–A5, A8: one playbook: its settings, its ordered cards, Save, the embed snippet and installs. */
export const PlaybookEditorPage = () => {
  const tr = useT();
  const navigate = useNavigate();
  const { documentId = '' } = useParams<{ documentId: string }>();
  const { canManage } = useCanManagePlaybooks();
  const editor = usePlaybookEditor(documentId);
  const [editing, setEditing] = React.useState<PlaybookCard | CardDraft | null>(null);
  const [deleting, setDeleting] = React.useState<PlaybookCard | 'playbook' | null>(null);
  const { playbook } = editor;

  if (editor.missing) return <Page.Error />;
  if (!playbook) return <Page.Loading />;
  // E5: in a copy (another locale than the default) only texts are edited; the structure is the default's.
  const inCopy = editor.copyLocale !== undefined;
  const shownLocale = editor.missingCopy?.code ?? playbook.locale;
  const translation = inCopy
    ? {
        locale: playbook.locale,
        name: editor.localeName(playbook.locale),
        defaultName: editor.localeName(playbook.defaultLocale),
      }
    : undefined;

  const back = (
    // The same link Strapi's own edit views show above the title.
    <Link tag={NavLink} to=".." relative="path" startIcon={<ArrowLeft />}>
      {tr('editor.back', 'Playbooks')}
    </Link>
  );
  const confirmMessage =
    deleting === 'playbook'
      ? tr('editor.confirmDeletePlaybook', 'Delete the playbook "{name}" and all its cards? Sites that embed it stop showing the chat.', {
          name: playbook.name,
        })
      : deleting
        ? tr('editor.confirmDeleteCard', 'Delete the card "{title}"? It is removed from the published playbook on the next save.', {
            title: deleting.title ?? deleting.kind,
          })
        : null;

  const confirmDelete = async () => {
    const target = deleting;
    setDeleting(null);
    if (target === 'playbook') {
      if (await editor.removePlaybook()) navigate('..', { relative: 'path' });
    } else if (target) {
      await editor.deleteCard(target);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{playbook.name}</Page.Title>
      <Layouts.Header
        navigationAction={back}
        title={playbook.name}
        subtitle={
          <Flex gap={2} tag="span">
            <PublishStatus playbook={playbook} />
            <ActiveBadge active={playbook.active} />
          </Flex>
        }
        secondaryAction={
          <LocaleSwitcher locales={playbook.locales} value={shownLocale} onChange={editor.chooseLocale} disabled={editor.busy} />
        }
        primaryAction={
          canManage && !editor.missingCopy ? (
            <Flex gap={2}>
              {playbook.published && !inCopy && (
                <Button variant="tertiary" disabled={editor.busy} onClick={() => void editor.unpublish()}>
                  {tr('editor.unpublish', 'Unpublish')}
                </Button>
              )}
              <Button startIcon={<Check />} loading={editor.busy} onClick={() => void editor.save()}>
                {tr('editor.save', 'Save')}
              </Button>
            </Flex>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
            {editor.missingCopy ? (
              <CreateCopyPanel
                key={editor.missingCopy.code}
                target={editor.missingCopy}
                locales={playbook.locales}
                canManage={canManage}
                busy={editor.busy}
                onCreate={(from) => void editor.createCopy(from)}
              />
            ) : (
              <Panel
                title={tr('editor.cards.title', 'Cards')}
                action={
                  canManage && !inCopy ? (
                    <AddCardMenu disabled={editor.busy} onSelect={(kind) => setEditing(newCardDraft(kind))} />
                  ) : undefined
                }
              >
                <CardList
                  cards={playbook.cards}
                  liveChatStatus={playbook.liveChat}
                  canManage={canManage}
                  structure={!inCopy}
                  busy={editor.busy}
                  errorsByCard={editor.cardErrors}
                  onEdit={setEditing}
                  onDelete={setDeleting}
                  onMove={(card, offset) => void editor.moveCard(card, offset)}
                />
              </Panel>
            )}
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
            <Flex direction="column" alignItems="stretch" gap={4} width="100%">
              <Panel title={tr('editor.settings', 'Settings')}>
                <PlaybookSettings
                  form={editor.form}
                  onChange={editor.setForm}
                  errors={editor.settingsErrors}
                  disabled={!canManage || editor.missingCopy !== null}
                  sharedDisabled={inCopy}
                />
                {editor.dirty && (
                  <Typography variant="pi" textColor="danger700">
                    {tr('editor.unsaved', 'Unsaved changes: press Save to store and publish them.')}
                  </Typography>
                )}
              </Panel>
              <Panel title={tr('embed.title', 'Embed on your site')}>
                <EmbedSnippet snippet={playbook.embedSnippet} />
              </Panel>
              <Panel title={tr('installations.title', 'Installed on')}>
                <InstallationsTable installations={playbook.installations} />
              </Panel>
              {canManage && !inCopy && !editor.missingCopy && (
                <Button variant="danger-light" startIcon={<Trash />} onClick={() => setDeleting('playbook')} fullWidth>
                  {tr('editor.deletePlaybook', 'Delete playbook')}
                </Button>
              )}
            </Flex>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
      {editing && (
        <CardEditorModal
          // A new key per card: each card kind's form keeps its own state (card-forms/registry.tsx).
          key={'documentId' in editing ? `${editing.documentId}:${playbook.locale}` : `new:${editing.kind}`}
          playbookId={documentId}
          card={editing}
          cards={playbook.cards}
          initialErrors={'documentId' in editing ? editor.cardErrors[editing.documentId] : undefined}
          translation={translation}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void editor.reload();
          }}
        />
      )}
      <ConfirmDelete message={confirmMessage} onConfirm={confirmDelete} onCancel={() => setDeleting(null)} />
    </Page.Main>
  );
};
