import * as Dialog from '@radix-ui/react-dialog';
import type { WorkshopState } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { Board } from '../../board/Board';

/**
 * A group's board, read-only, in a side panel over the Run view (Radix Dialog: focus moves in,
 * is trapped, Esc closes and focus returns to the tile). The board comes from the doc registry,
 * so a board the tab already holds for its tile opens no second connection.
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
  return (
    <Dialog.Root open={group !== undefined} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="sheet-overlay" />
        <Dialog.Content className="sheet" data-testid="board-sheet" aria-describedby={undefined}>
          <div className="panel-header">
            <Dialog.Title className="sheet-title">{group?.name}</Dialog.Title>
            <Dialog.Close className="button button--small" data-testid="board-sheet-close">
              {t('console.close')}
            </Dialog.Close>
          </div>
          {group && (
            <Board docName={group.docName} token={token} sections={workshop.sections} readOnly title={group.name} />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
