import { Button, Flex, IconButton, MenuItem, SimpleMenu } from '@strapi/design-system';
import { More } from '@strapi/icons';
import type { CrmKind } from '../../../../shared/domain/crm';
import { useT } from '../../hooks/useT';

interface Props {
  canCreateLead: boolean;
  canCreateDeal: boolean;
  busy: boolean;
  onCreate: (kind: CrmKind) => void;
}

/** C2: "Create lead", and "…" > "Create deal", as the reference article places them. */
export const CrmActions = ({ canCreateLead, canCreateDeal, busy, onCreate }: Props) => {
  const tr = useT();
  return (
    <Flex gap={2}>
      <Button variant="secondary" onClick={() => onCreate('lead')} disabled={!canCreateLead || busy} loading={busy}>
        {tr('sidePanel.createLead', 'Create lead')}
      </Button>
      <SimpleMenu
        tag={IconButton}
        icon={<More />}
        label={tr('sidePanel.moreActions', 'More actions')}
        disabled={!canCreateDeal || busy}
        popoverPlacement="bottom-end"
      >
        <MenuItem onSelect={() => onCreate('deal')}>{tr('sidePanel.createDeal', 'Create deal')}</MenuItem>
      </SimpleMenu>
    </Flex>
  );
};
