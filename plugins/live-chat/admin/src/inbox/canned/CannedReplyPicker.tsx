import { Box, Typography } from '@strapi/design-system';
import * as React from 'react';
import { styled } from 'styled-components';
import { useT } from '../../hooks/useT';
import type { CannedReplyPickerState } from './useCannedReplyPicker';

const Popup = styled(Box)`
  position: absolute;
  left: 0;
  right: 0;
  bottom: calc(100% + 4px);
  z-index: 2;
  max-height: 260px;
  overflow: auto;
`;

const Option = styled.li<{ $active: boolean }>`
  cursor: pointer;
  padding: ${({ theme }) => `${theme.spaces[2]} ${theme.spaces[3]}`};
  background: ${({ theme, $active }) => ($active ? theme.colors.primary100 : 'transparent')};
  border-left: 3px solid ${({ theme, $active }) => ($active ? theme.colors.primary600 : 'transparent')};
`;

const OneLine = styled(Typography)`
  display: block;
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
`;

/**
 * G3: the list the composer's `/` opens, above the reply box. A listbox whose options the textarea
 * points at with aria-activedescendant, so focus never leaves the text; a click inserts too.
 */
export const CannedReplyPicker = ({ picker }: { picker: CannedReplyPickerState }) => {
  const tr = useT();
  const activeId = picker.options.length > 0 ? picker.optionId(picker.active) : null;
  React.useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);
  if (!picker.open) return null;

  const message = picker.loading
    ? tr('canned.picker.loading', 'Loading canned replies…')
    : picker.error
      ? picker.error
      : picker.options.length === 0
        ? picker.query === ''
          ? tr('canned.picker.none', 'No canned replies yet: they are added in Settings > Live Chat > Canned replies.')
          : tr('canned.picker.noMatch', 'No canned reply matches "/{query}"', { query: picker.query })
        : null;

  return (
    <Popup background="neutral0" hasRadius shadow="popupShadow" borderColor="neutral200" borderStyle="solid" borderWidth="1px" paddingTop={1} paddingBottom={1}>
      <ul id={picker.listboxId} role="listbox" aria-label={tr('canned.picker.label', 'Canned replies')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {picker.options.map((reply, index) => (
          <Option
            key={reply.documentId}
            id={picker.optionId(index)}
            role="option"
            aria-selected={index === picker.active}
            $active={index === picker.active}
            data-shortcut={reply.shortcut}
            // Keep the focus (and the caret) in the textarea.
            onMouseDown={(e: React.MouseEvent) => e.preventDefault()}
            onClick={() => picker.choose(index)}
          >
            <OneLine variant="omega">
              <Typography fontWeight="bold">/{reply.shortcut}</Typography> <Typography textColor="neutral800">{reply.title}</Typography>{' '}
              <Typography variant="pi" textColor="neutral600" lang={reply.locale}>
                ({reply.locale})
              </Typography>
            </OneLine>
            <OneLine variant="pi" textColor="neutral600" lang={reply.locale}>
              {reply.body}
            </OneLine>
          </Option>
        ))}
      </ul>
      {message !== null ? (
        <Box paddingLeft={3} paddingRight={3} paddingTop={2} paddingBottom={2} role="status">
          <Typography variant="pi" textColor={picker.error ? 'danger600' : 'neutral600'}>
            {message}
          </Typography>
        </Box>
      ) : null}
    </Popup>
  );
};
