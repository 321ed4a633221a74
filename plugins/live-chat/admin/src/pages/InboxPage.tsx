import { Box, EmptyStateLayout, Flex, Loader, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import * as React from 'react';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { PLUGIN_ID } from '../../../shared/constants';
import type { MeResponse } from '../../../shared/contracts/admin';
import type { AgentRef } from '../../../shared/contracts/conversations';
import { useInboxApi, type InboxApi } from '../api/inbox';
import { apiProblem } from '../api/problem';
import { PluginNav } from '../components/PluginNav';
import { useT } from '../hooks/useT';
import { AvailabilityToggle } from '../inbox/components/AvailabilityToggle';
import { ChatWindow } from '../inbox/components/ChatWindow';
import { ConversationList } from '../inbox/components/ConversationList';
import { FolderSection } from '../inbox/components/FolderSection';
import { useConversation } from '../inbox/hooks/useConversation';
import { useFolderList } from '../inbox/hooks/useFolderList';
import { AgentSocketProvider, useAgentSocket } from '../inbox/realtime/AgentSocketProvider';
import { belongsTo, folderOf, foldersFor, isInboxFolder, type InboxFolder } from '../inbox/state/conversation-list';
import { useViewportFill } from '../inbox/useViewportFill';
import { NotificationPermissionPrompt, useDesktopNotifications } from '../notifications';

type Me = MeResponse['data'];

/**
 * The list, the chat and the details share what the admin's navigation leaves: at 1280×800 the
 * chat stays the widest column with the details open (1280 − 56 − 232 − 280 − 300 = 412 px).
 */
const LIST_WIDTH_PX = 280;

const inboxPath = (folder: string, documentId?: string) =>
  `/plugins/${PLUGIN_ID}/inbox/${folder}${documentId ? `/${encodeURIComponent(documentId)}` : ''}`;

/**
 * The agent inbox (B1–B9): folders with live counts and the online toggle in the side
 * navigation, the folder's conversations, the open chat and its side panel. Everything live comes
 * from one agent socket, mounted here.
 */
export const InboxPage = () => {
  const tr = useT();
  const api = useInboxApi();
  const [me, setMe] = React.useState<Me | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  React.useEffect(() => {
    api
      .me()
      .then(setMe)
      .catch((e: unknown) => setError(apiProblem(e).message));
  }, [api]);

  if (error) return <Page.Error />;
  if (!me) return <Page.Loading />;
  if (!me.permissions.useInbox) {
    return (
      <Layouts.Root sideNav={<PluginNav />}>
        <Page.Main>
          <Layouts.Content>
            <Box paddingTop={8}>
              <EmptyStateLayout content={tr('inbox.noAccess', 'Your role cannot use the inbox. Ask an administrator for the "Use the inbox" permission.')} />
            </Box>
          </Layouts.Content>
        </Page.Main>
      </Layouts.Root>
    );
  }
  return (
    <AgentSocketProvider>
      <Inbox api={api} me={me} />
    </AgentSocketProvider>
  );
};

function useAgents(api: InboxApi): AgentRef[] {
  const [agents, setAgents] = React.useState<AgentRef[]>([]);
  React.useEffect(() => {
    api
      .agents()
      .then(setAgents)
      .catch(() => setAgents([]));
  }, [api]);
  return agents;
}

const Inbox = ({ api, me }: { api: InboxApi; me: Me }) => {
  const tr = useT();
  const params = useParams<{ folder: string; documentId?: string }>();
  const navigate = useNavigate();
  const socket = useAgentSocket();
  const { toggleNotification } = useNotification();
  const folder: InboxFolder | null = isInboxFolder(params.folder, me.seesAllConversations) ? params.folder : null;
  const documentId = params.documentId;
  const [search, setSearch] = React.useState('');
  React.useEffect(() => setSearch(''), [folder]);
  const list = useFolderList(api, folder ?? 'unassigned', search, me.id, documentId);
  const agents = useAgents(api);

  const openConversation = React.useCallback(
    (id: string) => {
      // The conversation's folder comes from the server's answer, never from the notification's kind.
      api
        .get(id)
        .then((detail) => navigate(inboxPath(folderOf(detail, me.id, me.seesAllConversations) ?? folder ?? 'unassigned', id)))
        .catch((e: unknown) => toggleNotification({ type: 'warning', message: apiProblem(e).message }));
    },
    [api, navigate, me.id, me.seesAllConversations, folder, toggleNotification],
  );
  const isOpen = React.useCallback((id: string) => id === documentId, [documentId]);
  const [frame, height] = useViewportFill<HTMLDivElement>();
  useDesktopNotifications(socket, openConversation, { isOpen });

  if (!folder) return <Navigate to={inboxPath('unassigned')} replace />;

  return (
    <Layouts.Root
      sideNav={
        <PluginNav
          inboxSection={
            <FolderSection folders={foldersFor(me.seesAllConversations)} counts={list.counts} linkTo={(name) => inboxPath(name)} />
          }
          footer={<AvailabilityToggle api={api} />}
        />
      }
    >
      <Page.Main>
        <Page.Title>{tr('inbox.title', 'Inbox')}</Page.Title>
        <Flex ref={frame} direction="column" alignItems="stretch" style={{ height: height ? `${height}px` : '100vh' }}>
          <NotificationPermissionPrompt />
          <Flex alignItems="stretch" flex="1" minHeight={0}>
            <Box width={`${LIST_WIDTH_PX}px`} flex={`0 0 ${LIST_WIDTH_PX}px`} background="neutral0" borderColor="neutral150" borderStyle="solid" borderWidth="0 1px 0 0">
              <Flex direction="column" alignItems="stretch" height="100%">
                <Box paddingLeft={4} paddingRight={4} paddingTop={4} paddingBottom={2}>
                  <Typography variant="beta" tag="h1">
                    {tr(`inbox.folder.${folder}`, folder)}
                  </Typography>
                </Box>
                <Box flex="1" minHeight={0}>
                  <ConversationList
                    folder={folder}
                    rows={list.rows}
                    loading={list.loading}
                    error={list.error}
                    hasMore={list.hasMore}
                    selected={documentId}
                    search={search}
                    onSearch={setSearch}
                    onLoadMore={() => void list.loadMore()}
                    linkTo={(id) => inboxPath(folder, id)}
                  />
                </Box>
              </Flex>
            </Box>
            <Box flex="1" minWidth={0}>
              {documentId ? (
                <OpenConversation
                  key={documentId}
                  api={api}
                  documentId={documentId}
                  agentId={me.id}
                  agentName={me.displayName}
                  seesAll={me.seesAllConversations}
                  canManagePersonalData={me.permissions.managePersonalData}
                  agents={agents}
                  folder={folder}
                  onGone={() => navigate(inboxPath(folder), { replace: true })}
                  onMoved={(to) => navigate(inboxPath(to, documentId), { replace: true })}
                />
              ) : (
                <Flex height="100%" justifyContent="center" alignItems="center" background="neutral100">
                  <EmptyStateLayout content={tr('inbox.pick', 'Pick a conversation to see it here')} />
                </Flex>
              )}
            </Box>
          </Flex>
        </Flex>
      </Page.Main>
    </Layouts.Root>
  );
};

interface OpenConversationProps {
  api: InboxApi;
  documentId: string;
  agentId: number;
  /** G3: what `{agent.name}` in a canned reply becomes. */
  agentName: string;
  seesAll: boolean;
  /** F5: may export and erase the person's data (the side panel's "…" menu). */
  canManagePersonalData: boolean;
  agents: AgentRef[];
  folder: InboxFolder;
  onGone: () => void;
  /** The open chat changed folder (taken, closed): the view follows it there. */
  onMoved: (folder: InboxFolder) => void;
}

/** Loads the open conversation; one the agent may not (or no longer) see closes at once (B6). */
const OpenConversation = ({ api, documentId, agentId, agentName, seesAll, canManagePersonalData, agents, folder, onGone, onMoved }: OpenConversationProps) => {
  const tr = useT();
  const { toggleNotification } = useNotification();
  const { state, erasures, replace } = useConversation(api, documentId);
  const gone = state.kind === 'gone';
  // After a reassign the agent is told to whom the chat went, which reads as news, not as an error.
  const goneMessage =
    state.kind === 'gone' && state.assigneeName
      ? tr('inbox.goneTo', 'This conversation was reassigned to {name}.', { name: state.assigneeName })
      : tr('inbox.gone', 'This conversation is no longer available to you.');
  const leave = React.useRef({ onGone, message: goneMessage });
  leave.current = { onGone, message: goneMessage };
  React.useEffect(() => {
    if (!gone) return;
    toggleNotification({ type: 'info', message: leave.current.message });
    leave.current.onGone();
  }, [gone, toggleNotification]);

  // The view follows the chat only when the folder on screen no longer lists it.
  const detailFolder =
    state.kind === 'ready' && !belongsTo(state.detail, folder, agentId) ? folderOf(state.detail, agentId, seesAll) : null;
  const follow = React.useRef(onMoved);
  follow.current = onMoved;
  React.useEffect(() => {
    if (detailFolder && detailFolder !== folder) follow.current(detailFolder);
  }, [detailFolder, folder]);

  if (state.kind === 'loading' || state.kind === 'gone') {
    return (
      <Flex height="100%" justifyContent="center" alignItems="center">
        <Loader small>{tr('inbox.loading', 'Loading…')}</Loader>
      </Flex>
    );
  }
  if (state.kind === 'error') {
    return (
      <Box padding={6}>
        <Typography textColor="danger600">{state.message}</Typography>
      </Box>
    );
  }
  // A new key after an erasure: the timeline is read again, without the erased texts (F5).
  return (
    <ChatWindow
      key={erasures}
      api={api}
      conversation={state.detail}
      agentId={agentId}
      agentName={agentName}
      agents={agents}
      canManagePersonalData={canManagePersonalData}
      onChange={replace}
    />
  );
};
