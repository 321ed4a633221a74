import { Box, Divider } from '@strapi/design-system';
import { SubNav } from '@strapi/strapi/admin';
import * as React from 'react';
import { PLUGIN_ID } from '../../../shared/constants';
import { useT } from '../hooks/useT';

interface Props {
  /** The inbox's folder links (B3, B8), shown while the inbox is open. */
  inboxSection?: React.ReactNode;
  /** Pinned to the bottom of the navigation: the inbox's online / offline toggle (B2). */
  footer?: React.ReactNode;
}

/** The plugin's side navigation, like the Content Manager's: the inbox and the playbooks. */
export const PluginNav = ({ inboxSection, footer }: Props) => {
  const tr = useT();
  const label = tr('plugin.name', 'Live Chat');
  const sections = [
    <SubNav.Section key="main" label={tr('nav.section', 'Live Chat')}>
      {[
        // In the inbox its folders are the way in; a second "Inbox" link would only repeat them.
        inboxSection ? null : <SubNav.Link key="inbox" to={`/plugins/${PLUGIN_ID}/inbox`} label={tr('nav.inbox', 'Inbox')} />,
        <SubNav.Link key="playbooks" to={`/plugins/${PLUGIN_ID}/playbooks`} label={tr('nav.playbooks', 'Playbooks')} />,
      ].filter(Boolean)}
    </SubNav.Section>,
  ];
  if (inboxSection) sections.unshift(<React.Fragment key="inbox">{inboxSection}</React.Fragment>);
  return (
    <SubNav.Main aria-label={label}>
      <SubNav.Header label={label} />
      <Divider />
      <SubNav.Content>
        <SubNav.Sections>{sections}</SubNav.Sections>
      </SubNav.Content>
      {footer ? (
        <Box marginTop="auto" padding={4} borderColor="neutral150" borderStyle="solid" borderWidth="1px 0 0 0">
          {footer}
        </Box>
      ) : null}
    </SubNav.Main>
  );
};
