import { Badge, Box, Button, EmptyStateLayout, Flex, Loader, Searchbar, Typography } from '@strapi/design-system';
import * as React from 'react';
import { Link } from 'react-router-dom';
import { styled } from 'styled-components';
import type { ConversationSummary } from '../../../../shared/contracts/conversations';
import { useT } from '../../hooks/useT';
import { useElapsed, useInboxTime, useNow, useVisitorName } from '../format';
import type { InboxFolder } from '../state/conversation-list';

interface Props {
  folder: InboxFolder;
  rows: ConversationSummary[];
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  selected: string | undefined;
  search: string;
  onSearch: (search: string) => void;
  onLoadMore: () => void;
  linkTo: (documentId: string) => string;
}

const SEARCH_DEBOUNCE_MS = 300;

const Row = styled(Link)<{ $selected: boolean }>`
  display: block;
  text-decoration: none;
  color: inherit;
  padding: ${({ theme }) => `${theme.spaces[3]} ${theme.spaces[4]}`};
  border-bottom: 1px solid ${({ theme }) => theme.colors.neutral150};
  background: ${({ theme, $selected }) => ($selected ? theme.colors.primary100 : theme.colors.neutral0)};
  border-left: 3px solid ${({ theme, $selected }) => ($selected ? theme.colors.primary600 : 'transparent')};
  &:hover {
    background: ${({ theme, $selected }) => ($selected ? theme.colors.primary100 : theme.colors.neutral100)};
  }
`;

const OneLine = styled(Typography)`
  display: block;
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
`;

/** A folder's conversations: searchable, newest activity first, paged with "Load more". */
export const ConversationList = ({ folder, rows, loading, error, hasMore, selected, search, onSearch, onLoadMore, linkTo }: Props) => {
  const tr = useT();
  const time = useInboxTime();
  const visitorName = useVisitorName();
  const elapsed = useElapsed();
  // Waiting times in Unassigned tick while the list is open.
  const now = useNow(30_000);
  const [draft, setDraft] = React.useState(search);
  React.useEffect(() => setDraft(search), [search]);
  React.useEffect(() => {
    if (draft === search) return;
    const timer = setTimeout(() => onSearch(draft.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, search, onSearch]);

  const label = tr('inbox.search.label', 'Search names, emails and messages');
  return (
    <Flex direction="column" alignItems="stretch" height="100%" minHeight={0}>
      <Box padding={3} borderColor="neutral150" borderStyle="solid" borderWidth="0 0 1px 0">
        <Searchbar
          name="inbox-search"
          size="S"
          value={draft}
          placeholder={label}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setDraft(e.target.value)}
          onClear={() => {
            setDraft('');
            onSearch('');
          }}
          clearLabel={tr('inbox.search.clear', 'Clear the search')}
        >
          {label}
        </Searchbar>
      </Box>
      <Box flex="1" overflow="auto" tag="nav" aria-label={tr(`inbox.folder.${folder}`, folder)}>
        {error ? (
          <Box padding={4}>
            <Typography textColor="danger600">{error}</Typography>
          </Box>
        ) : null}
        {rows.length === 0 && !loading && !error ? (
          <Box padding={4}>
            <EmptyStateLayout
              content={search ? tr('inbox.search.none', 'No conversation matches your search') : tr(`inbox.empty.${folder}`, 'No conversations here')}
            />
          </Box>
        ) : null}
        <ul>
          {rows.map((row) => (
            <li key={row.documentId}>
              <Row to={linkTo(row.documentId)} $selected={row.documentId === selected} aria-current={row.documentId === selected ? 'true' : undefined} data-conversation={row.documentId}>
                <Flex justifyContent="space-between" gap={2}>
                  <OneLine variant="omega" fontWeight="bold" data-testid="row-name">
                    {visitorName(row)}
                  </OneLine>
                  <Flex gap={1} alignItems="center">
                    {row.unreadCount && row.status !== 'closed' && row.documentId !== selected ? (
                      <Badge
                        textColor="neutral0"
                        backgroundColor="primary600"
                        data-testid="row-unread"
                        aria-label={tr('inbox.row.unread', '{count} unread', { count: row.unreadCount })}
                      >
                        {row.unreadCount > 99 ? '99+' : row.unreadCount}
                      </Badge>
                    ) : null}
                    <Typography variant="pi" textColor="neutral600" style={{ whiteSpace: 'nowrap' }}>
                      {time(row.lastActivityAt ?? row.createdAt)}
                    </Typography>
                  </Flex>
                </Flex>
                <OneLine variant="pi" textColor="neutral600" data-testid="row-preview">
                  {row.lastMessagePreview || tr('inbox.row.noMessages', 'No messages yet')}
                </OneLine>
                {row.page && row.status !== 'closed' ? (
                  <OneLine variant="pi" textColor="neutral600" data-testid="row-page" title={row.page.url}>
                    {row.page.title || row.page.url}
                  </OneLine>
                ) : null}
                <Flex gap={1} paddingTop={1} wrap="wrap">
                  {row.status === 'unassigned' ? (
                    <Typography variant="pi" textColor="danger700" data-testid="row-waiting">
                      {tr('inbox.row.waiting', 'Waiting {time}', { time: elapsed(row.createdAt, now) })}
                    </Typography>
                  ) : null}
                  {row.missedAt && row.status !== 'closed' ? <Badge textColor="danger600" backgroundColor="danger100">{tr('inbox.row.missed', 'Missed')}</Badge> : null}
                  {row.status === 'closed' && row.closedAt ? (
                    <Typography variant="pi" textColor="neutral600">
                      {tr('inbox.row.closedAt', 'Closed {time}', { time: time(row.closedAt) })}
                    </Typography>
                  ) : null}
                  {row.status === 'closed' && row.assignee ? (
                    <Typography variant="pi" textColor="neutral600">
                      · {row.assignee.name}
                    </Typography>
                  ) : null}
                </Flex>
              </Row>
            </li>
          ))}
        </ul>
        {loading ? (
          <Flex justifyContent="center" padding={4}>
            <Loader small>{tr('inbox.loading', 'Loading…')}</Loader>
          </Flex>
        ) : null}
        {hasMore && !loading ? (
          <Flex justifyContent="center" padding={3}>
            <Button variant="tertiary" size="S" onClick={onLoadMore}>
              {tr('inbox.list.loadMore', 'Load more')}
            </Button>
          </Flex>
        ) : null}
      </Box>
    </Flex>
  );
};
