import { MenuItem, SimpleMenu } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import type { CardKind } from '../../../shared/constants';
import { useT } from '../hooks/useT';
import { KIND_LABELS, MENU_KINDS } from '../utils/cards';

/** A1, A6: "Add card", with the Live Chat card first. */
export const AddCardMenu = ({ onSelect, disabled }: { onSelect: (kind: CardKind) => void; disabled?: boolean }) => {
  const tr = useT();
  return (
    <SimpleMenu label={tr('editor.addCard', 'Add card')} variant="secondary" startIcon={<Plus />} disabled={disabled}>
      {MENU_KINDS.map((kind) => (
        <MenuItem key={kind} onSelect={() => onSelect(kind)}>
          {tr(`card.kind.${kind}`, KIND_LABELS[kind])}
        </MenuItem>
      ))}
    </SimpleMenu>
  );
};
