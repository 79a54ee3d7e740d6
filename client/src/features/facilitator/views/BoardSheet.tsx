import * as Dialog from '@radix-ui/react-dialog';
import type { WorkshopState } from '@warsztat/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadOnlyBoard } from '../../rounds/ReadOnlyBoard';
import { RoundTabs } from '../../rounds/RoundTabs';
import { boardsOf } from '../../rounds/roundState';

/**
 * A group's board, read-only, in a side panel over the Run view (Radix Dialog: focus moves in,
 * is trapped, Esc closes and focus returns to the tile). The board comes from the doc registry,
 * so a board the tab already holds for its tile opens no second connection. Earlier rounds' boards
 * of the group are one tab away (issue #17), each with the sections it had.
 */
export function BoardSheet({
  workshop,
  token,
  groupId,
  onClose,
}: {
  workshop: WorkshopState;
  token: string;
  groupId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const group = workshop.groups.find((g) => g.id === groupId);
  const boards = group ? boardsOf(workshop, group) : [];
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = boards.find((b) => b.docName === chosen) ?? boards.find((b) => b.current);
  return (
    <Dialog.Root
      open={group !== undefined}
      onOpenChange={(open) => {
        if (open) return;
        setChosen(null);
        onClose();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="sheet-overlay" />
        <Dialog.Content className="sheet" data-testid="board-sheet" aria-describedby={undefined}>
          <div className="panel-header">
            <Dialog.Title className="sheet-title">{group?.name}</Dialog.Title>
            <Dialog.Close className="button button--small" data-testid="board-sheet-close">
              {t('console.close')}
            </Dialog.Close>
          </div>
          {boards.length > 1 && <RoundTabs boards={boards} shown={shown?.docName ?? null} onShow={setChosen} />}
          {group && shown && <ReadOnlyBoard workshop={workshop} token={token} board={shown} title={group.name} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
