import { Divider } from '@strapi/design-system';
import { SubNav } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../../../shared/constants';
import { useT } from '../hooks/useT';

/** The plugin's side navigation, like the Content Manager's: the inbox and the playbooks. */
export const PluginNav = () => {
  const tr = useT();
  const label = tr('plugin.name', 'Live Chat');
  return (
    <SubNav.Main aria-label={label}>
      <SubNav.Header label={label} />
      <Divider />
      <SubNav.Content>
        <SubNav.Sections>
          {[
            <SubNav.Section key="main" label={tr('nav.section', 'Live Chat')}>
              {[
                <SubNav.Link key="inbox" to={`/plugins/${PLUGIN_ID}`} end label={tr('nav.inbox', 'Inbox')} />,
                <SubNav.Link key="playbooks" to={`/plugins/${PLUGIN_ID}/playbooks`} label={tr('nav.playbooks', 'Playbooks')} />,
              ]}
            </SubNav.Section>,
          ]}
        </SubNav.Sections>
      </SubNav.Content>
    </SubNav.Main>
  );
};
