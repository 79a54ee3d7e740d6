import type { AssignmentPreview, WorkshopState } from '@warsztat/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandCheckbox } from '../../app/CommandCheckbox';
import { sendCommand } from '../../stores/controlSocket';
import type { Run } from './useCommand';

/**
 * Auto-assignment with a look first: `preview` asks the server for the balanced assignment
 * without storing it; "apply" stores the same one (auto-assign is deterministic). Also the
 * switch that lets participants choose their own group.
 */
export function AssignmentControls({ workshop, run }: { workshop: WorkshopState; run: Run }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<AssignmentPreview | null>(null);
  const groupName = (id: string | undefined) => workshop.groups.find((g) => g.id === id)?.name ?? t('app.none');
  const ask = async () => {
    const result = await sendCommand({ type: 'assign', mode: 'preview' });
    setPreview(result.ok ? (result.preview ?? {}) : null);
  };
  const apply = async () => {
    if (await run({ type: 'assign', mode: 'auto' })) setPreview(null);
  };
  return (
    <div className="assignment-controls">
      <div className="control-row">
        <button
          type="button"
          className="button"
          data-testid="assign-preview"
          disabled={workshop.participants.length === 0}
          onClick={() => void ask()}
        >
          {t('assignment.preview')}
        </button>
        <label className="checkbox-row">
          <CommandCheckbox
            data-testid="self-select"
            checked={workshop.selfSelect}
            send={(next) => run({ type: 'selfSelect', enabled: next })}
          />
          {t('assignment.selfSelect')}
        </label>
      </div>
      {preview && (
        <div className="preview" data-testid="assign-preview-table">
          <h3>{t('assignment.previewHeading')}</h3>
          <table className="table">
            <tbody>
              {workshop.participants.map((p) => (
                <tr key={p.id} data-testid="preview-row">
                  <th scope="row">{p.name}</th>
                  <td>{groupName(preview[p.id])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="control-row">
            <button
              type="button"
              className="button button--primary"
              data-testid="assign-apply"
              onClick={() => void apply()}
            >
              {t('assignment.apply')}
            </button>
            <button type="button" className="button" onClick={() => setPreview(null)}>
              {t('assignment.discard')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
