import { Typography } from '@strapi/design-system';
import * as React from 'react';

export interface Notice {
  tone: 'success' | 'danger';
  text: string;
}

/** How long a confirmation stays; a problem stays until the next action replaces it. */
const CONFIRMATION_MS = 6000;

/**
 * The side panel's confirmations and problems (saved, lead created, refused), shown in the panel
 * itself: Strapi's toasts open at the top of the page, over the chat header's name, status,
 * Reassign and Close, on every save.
 */
export function usePanelNotice() {
  const [notice, setNotice] = React.useState<Notice | null>(null);
  React.useEffect(() => {
    if (notice?.tone !== 'success') return;
    const timer = setTimeout(() => setNotice(null), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return { notice, announce: setNotice };
}

export const PanelNotice = ({ notice }: { notice: Notice | null }) => (
  // Always rendered, so screen readers announce what appears in it.
  <div role={notice?.tone === 'danger' ? 'alert' : 'status'} data-testid="panel-notice">
    {notice ? (
      <Typography variant="pi" fontWeight="semiBold" textColor={notice.tone === 'success' ? 'success700' : 'danger700'}>
        {notice.text}
      </Typography>
    ) : null}
  </div>
);
