import { Flex, Typography } from '@strapi/design-system';
import { File } from '@strapi/icons';
import type { TimelineEntry } from '../../../../shared/contracts/conversations';
import { formatBytes, isImageType } from '../../../../shared/domain/attachments';
import { useT } from '../../hooks/useT';

type Attachment = NonNullable<TimelineEntry['attachment']>;

/** Attachment URLs are relative to the Strapi server, which may answer on another origin than the admin. */
const serverUrl = (path: string) => {
  const configured = (window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL;
  return `${configured && configured.length > 0 ? configured : ''}${path}`;
};

/**
 * A file sent in the chat (G4): an image as its thumbnail, opening the full image in a new tab;
 * any other file as a download link with its size; "File removed" once it was erased.
 */
export const AttachmentView = ({ attachment, outgoing }: { attachment: Attachment; outgoing: boolean }) => {
  const tr = useT();
  if (!attachment.url) {
    return (
      <Typography variant="omega" textColor="inherit" style={{ fontStyle: 'italic' }} data-attachment="removed">
        {tr('inbox.attachment.removed', 'File removed')}
      </Typography>
    );
  }
  const name = attachment.name ?? tr('inbox.attachment.file', 'File');
  if (isImageType(attachment.mime) && attachment.thumbnailUrl) {
    return (
      <a href={serverUrl(attachment.url)} target="_blank" rel="noopener noreferrer" data-attachment="image" title={name}>
        <img
          src={serverUrl(attachment.thumbnailUrl)}
          alt={name}
          loading="lazy"
          style={{ display: 'block', maxWidth: '240px', maxHeight: '180px', borderRadius: '4px' }}
        />
      </a>
    );
  }
  return (
    <a
      href={serverUrl(attachment.url)}
      download={name}
      rel="noopener noreferrer"
      data-attachment="file"
      style={{ color: 'inherit', textDecoration: 'none' }}
      aria-label={tr('inbox.attachment.download', 'Download {name}', { name })}
    >
      <Flex gap={2} alignItems="center">
        <File aria-hidden />
        <Flex direction="column" alignItems="flex-start">
          <Typography variant="omega" fontWeight="bold" textColor="inherit" style={{ textDecoration: 'underline', overflowWrap: 'anywhere' }}>
            {name}
          </Typography>
          <Typography variant="pi" textColor={outgoing ? 'inherit' : 'neutral600'}>
            {formatBytes(attachment.size)}
          </Typography>
        </Flex>
      </Flex>
    </a>
  );
};
