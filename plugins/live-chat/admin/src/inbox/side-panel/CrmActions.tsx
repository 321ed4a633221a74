import { Button, Flex, IconButton, MenuItem, SimpleMenu } from '@strapi/design-system';
import { More } from '@strapi/icons';
import type { CrmKind } from '../../../../shared/domain/crm';
import { useT } from '../../hooks/useT';
import type { PersonalDataActions } from './usePersonalDataActions';

interface Props {
  canCreateLead: boolean;
  canCreateDeal: boolean;
  busy: boolean;
  onCreate: (kind: CrmKind) => void;
  /** F5: Export / Erase personal data, for admins holding that permission (null: not offered). */
  personalData: PersonalDataActions | null;
}

/** C2: "Create lead", and "…" > "Create deal", as the reference article places them; F5 in the same menu. */
export const CrmActions = ({ canCreateLead, canCreateDeal, busy, onCreate, personalData }: Props) => {
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
        disabled={(!canCreateDeal && !personalData) || busy}
        popoverPlacement="bottom-end"
      >
        <MenuItem onSelect={() => onCreate('deal')} disabled={!canCreateDeal}>
          {tr('sidePanel.createDeal', 'Create deal')}
        </MenuItem>
        {personalData && (
          <>
            <MenuItem onSelect={() => void personalData.exportArchive()}>{tr('personalData.export', 'Export personal data')}</MenuItem>
            <MenuItem onSelect={() => void personalData.openErase()} variant="danger">
              {tr('personalData.erase', 'Erase personal data…')}
            </MenuItem>
          </>
        )}
      </SimpleMenu>
    </Flex>
  );
};
