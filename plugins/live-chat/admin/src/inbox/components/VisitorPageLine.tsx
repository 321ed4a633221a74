import { Typography } from '@strapi/design-system';
import * as React from 'react';
import type { ConversationSummary } from '../../../../shared/contracts/conversations';
import { useT } from '../../hooks/useT';

/** Only http(s) links are ever rendered (the server stores no other; this is a second lock). */
export const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/**
 * G2: the page the visitor is on now, live (the server sends a `conversation:upsert` when they
 * navigate): its title, linked to its URL, opened without a referrer.
 */
export const VisitorPageLine = ({ page }: { page: ConversationSummary['page'] }) => {
  const tr = useT();
  if (!page) return null;
  const label = page.title || page.url;
  return (
    // One line, cut with an ellipsis: the full URL is the link's title.
    <Typography variant="pi" textColor="neutral600" data-testid="visitor-page" ellipsis style={{ display: 'block', maxWidth: '100%' }}>
      {tr('inbox.context.onPage', 'On')}{' '}
      {isWebUrl(page.url) ? (
        <a href={page.url} target="_blank" rel="noopener noreferrer" title={page.url}>
          {label}
        </a>
      ) : (
        label
      )}
    </Typography>
  );
};
