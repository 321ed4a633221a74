import { Box, Button, Divider, Flex, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import * as React from 'react';
import type { ConversationDetail } from '../../../../shared/contracts/conversations';
import type { CrmKind } from '../../../../shared/domain/crm';
import { apiProblem } from '../../api/problem';
import { useSidePanelApi } from '../../api/side-panel';
import { useT } from '../../hooks/useT';
import { CrmActions } from './CrmActions';
import { EraseDialog } from './EraseDialog';
import { usePersonalDataActions } from './usePersonalDataActions';
import { LinkedRecordsList } from './LinkedRecordsList';
import { PanelNotice, usePanelNotice } from './PanelNotice';
import { RatingSummary } from './RatingSummary';
import { SidePanelFields } from './SidePanelFields';
import { useLinkedRecords } from './useLinkedRecords';
import { useSidePanelForm } from './useSidePanelForm';
import { VisitorContextPanel } from './VisitorContextPanel';

export interface SidePanelProps {
  conversation: ConversationDetail;
  /** F5: "…" > Export / Erase personal data. */
  canManagePersonalData?: boolean;
  /** Called with the refreshed conversation after a save or a created lead / deal (the timeline shows them, B7). */
  onChange: (detail: ConversationDetail) => void;
}

/**
 * C1, C2: the visitor's details beside the chat, and "Create lead" / "…" > "Create deal". It stays
 * editable after the conversation closed (B8): what is allowed comes from `allowedActions`.
 */
export const SidePanel = ({ conversation, canManagePersonalData = false, onChange }: SidePanelProps) => {
  const tr = useT();
  const api = useSidePanelApi();
  const { notice, announce } = usePanelNotice();
  const documentId = conversation.documentId;
  const { form, setField, errors, saving, save, dirty } = useSidePanelForm(conversation, onChange, announce);
  const { records, reload } = useLinkedRecords(conversation);
  const [creating, setCreating] = React.useState(false);
  const personalData = usePersonalDataActions(documentId);
  const { editSidePanel, createLead, createDeal } = conversation.allowedActions;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    void save();
  };

  const create = async (kind: CrmKind) => {
    setCreating(true);
    try {
      // The record is made from the stored details: unsaved edits are saved first, or nothing is created.
      if (dirty && !(await save())) return;
      const created = kind === 'lead' ? await api.createLead(documentId) : await api.createDeal(documentId);
      announce({
        tone: 'success',
        text:
          kind === 'lead'
            ? tr('sidePanel.leadCreated', 'Lead "{title}" created', { title: created.title })
            : tr('sidePanel.dealCreated', 'Deal "{title}" created', { title: created.title }),
      });
      await reload();
      onChange(await api.detail(documentId));
    } catch (error) {
      announce({ tone: 'danger', text: apiProblem(error).message });
    } finally {
      setCreating(false);
    }
  };

  const busy = saving || creating;
  return (
    // The inbox frames the panel (a column beside the chat), so it brings no card of its own.
    <Box tag="aside" aria-label={tr('sidePanel.title', 'Details')} background="neutral0" padding={4}>
      <form onSubmit={submit} noValidate>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex justifyContent="space-between" alignItems="center" gap={2}>
            <Typography variant="delta" tag="h2">
              {tr('sidePanel.title', 'Details')}
            </Typography>
            {editSidePanel && (
              <Button type="submit" size="S" startIcon={<Check />} loading={saving} disabled={!dirty || busy}>
                {tr('sidePanel.save', 'Save')}
              </Button>
            )}
          </Flex>
          <PanelNotice notice={notice} />
          {/* At the top, as in the reference's panel: the records are what the details are collected for. */}
          <CrmActions
            canCreateLead={createLead}
            canCreateDeal={createDeal}
            busy={busy}
            onCreate={(kind) => void create(kind)}
            personalData={canManagePersonalData ? personalData : null}
          />
          <LinkedRecordsList records={records} />
          {conversation.rating ? (
            <>
              <Divider />
              <RatingSummary rating={conversation.rating} />
            </>
          ) : null}
          <Divider />
          <VisitorContextPanel conversation={conversation} />
          <Divider />
          <SidePanelFields form={form} errors={errors} disabled={!editSidePanel || busy} setField={setField} />
        </Flex>
      </form>
      {canManagePersonalData && <EraseDialog actions={personalData} />}
    </Box>
  );
};
