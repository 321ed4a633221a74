import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { useClipboard, useNotification } from '@strapi/strapi/admin';
import { useT } from '../hooks/useT';

/** E1, A5: the script tag the site owner pastes into their pages, with a copy button. */
export const EmbedSnippet = ({ snippet }: { snippet: string }) => {
  const tr = useT();
  const { copy } = useClipboard();
  const { toggleNotification } = useNotification();
  const onCopy = async () => {
    const copied = await copy(snippet);
    toggleNotification(
      copied
        ? { type: 'success', message: tr('embed.copied', 'Snippet copied') }
        : { type: 'warning', message: tr('embed.copyFailed', 'Could not copy; select the text and copy it') },
    );
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="pi" textColor="neutral600">
        {tr('embed.hint', 'Paste this before </body> on every page that should show the chat.')}
      </Typography>
      <Box background="neutral100" padding={3} hasRadius borderColor="neutral200" borderStyle="solid" borderWidth="1px">
        <Typography tag="code" variant="pi" style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
          {snippet}
        </Typography>
      </Box>
      <Flex justifyContent="flex-end">
        <Button variant="secondary" size="S" startIcon={<Duplicate />} onClick={onCopy}>
          {tr('embed.copy', 'Copy snippet')}
        </Button>
      </Flex>
    </Flex>
  );
};
