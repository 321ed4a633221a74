import { Box, Flex, Typography } from '@strapi/design-system';
import type { TranscriptDetail } from '../../../../shared/domain/bot-transcript';
import { useT } from '../../hooks/useT';
import { MessageBody } from './MessageBody';

type Translate = ReturnType<typeof useT>;

const fieldLabel = (tr: Translate, field: string) => {
  switch (field) {
    case 'name':
      return tr('inbox.transcript.field.name', 'Name');
    case 'email':
      return tr('inbox.transcript.field.email', 'Email');
    case 'phone':
      return tr('inbox.transcript.field.phone', 'Phone');
    case 'organization':
      return tr('inbox.transcript.field.organization', 'Organization');
    default:
      return field;
  }
};

/**
 * G2: a line of the bot part of the chat: a question with the buttons it offered, a form with the
 * fields it asked for, the visitor's answers with their field labels (plain text, never markup).
 */
export const TranscriptContent = ({ detail, body }: { detail: TranscriptDetail; body: string }) => {
  const tr = useT();
  if (detail.type === 'capture_values') {
    return (
      <Box tag="dl" margin={0}>
        {detail.values.map(({ field, value }) => (
          <Flex key={field} gap={2} data-field={field}>
            <Typography tag="dt" variant="omega" fontWeight="semiBold" textColor="inherit">
              {fieldLabel(tr, field)}:
            </Typography>
            <Typography tag="dd" variant="omega" textColor="inherit" style={{ margin: 0, overflowWrap: 'anywhere' }}>
              {value}
            </Typography>
          </Flex>
        ))}
      </Box>
    );
  }
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      {body ? <MessageBody body={body} /> : null}
      {detail.type === 'question' ? (
        <Flex gap={1} wrap="wrap" aria-label={tr('inbox.transcript.buttons', 'Buttons offered')} role="list">
          {detail.buttons.map((label, index) => (
            <Box key={index} role="listitem" paddingLeft={2} paddingRight={2} hasRadius borderColor="neutral300" borderStyle="solid" borderWidth="1px" background="neutral0">
              <Typography variant="pi" textColor="neutral700">
                {label}
              </Typography>
            </Box>
          ))}
        </Flex>
      ) : null}
      {detail.type === 'capture' ? (
        <Typography variant="pi" textColor="neutral600">
          {tr('inbox.transcript.asked', 'Asked for: {fields}', { fields: detail.fields.map((field) => fieldLabel(tr, field)).join(', ') })}
        </Typography>
      ) : null}
    </Flex>
  );
};
