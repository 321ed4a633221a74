import { Box, EmptyStateLayout, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { t } from '../pluginId';

const FOLDERS = ['unassigned', 'mine', 'closed'] as const;

/** The inbox shell: folders on the left, the chat on the right (filled in by the inbox issue). */
export const InboxPage = () => {
  const { formatMessage } = useIntl();
  return (
    <Page.Main>
      <Layouts.Header
        title={formatMessage({ id: t('inbox.title'), defaultMessage: 'Inbox' })}
        subtitle={formatMessage({ id: t('inbox.subtitle'), defaultMessage: 'Chats with your website visitors' })}
      />
      <Layouts.Content>
        <Flex gap={4} alignItems="stretch">
          <Box background="neutral0" padding={4} shadow="tableShadow" hasRadius minWidth="220px">
            <Flex direction="column" alignItems="stretch" gap={2} tag="nav">
              {FOLDERS.map((folder) => (
                <Typography key={folder} variant="omega">
                  {formatMessage({ id: t(`inbox.folder.${folder}`), defaultMessage: folder })}
                </Typography>
              ))}
            </Flex>
          </Box>
          <Box flex="1">
            <EmptyStateLayout
              content={formatMessage({ id: t('inbox.empty'), defaultMessage: 'No conversations yet' })}
            />
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
