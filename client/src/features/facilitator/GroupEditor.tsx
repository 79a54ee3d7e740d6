import type { GroupView } from '@warsztat/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Run } from './useCommand';

/** Rename, cap, prompt or remove one group; folded away until needed so the columns stay calm. */
export function GroupEditor({ group, run }: { group: GroupView; run: Run }) {
  const { t } = useTranslation();
  const [name, setName] = useState(group.name);
  const [capacity, setCapacity] = useState(group.capacity === null ? '' : String(group.capacity));
  const [prompt, setPrompt] = useState(group.prompt);
  // Follow changes made elsewhere (another facilitator, the REST mirror).
  useEffect(() => {
    setName(group.name);
    setCapacity(group.capacity === null ? '' : String(group.capacity));
    setPrompt(group.prompt);
  }, [group.name, group.capacity, group.prompt]);
  const id = (field: string) => `group-${group.id}-${field}`;
  const save = () => {
    const cap = capacity.trim() === '' ? null : Math.round(Number(capacity));
    void run({
      type: 'group',
      action: 'update',
      groupId: group.id,
      name: name.trim() || group.name,
      capacity: cap !== null && cap >= 1 && cap <= 500 ? cap : null,
      prompt: prompt.trim(),
    });
  };
  const remove = () => {
    if (window.confirm(t('groupEdit.confirmRemove', { name: group.name }))) {
      void run({ type: 'group', action: 'remove', groupId: group.id });
    }
  };
  return (
    <details className="group-editor">
      <summary data-testid="group-edit">{t('groupEdit.edit')}</summary>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label htmlFor={id('name')}>{t('groupEdit.name')}</label>
        <input
          id={id('name')}
          data-testid="group-name-input"
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor={id('capacity')}>{t('groupEdit.capacity')}</label>
        <input
          id={id('capacity')}
          data-testid="group-capacity-input"
          className="minutes-input"
          type="number"
          min={1}
          max={500}
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
        />
        <label htmlFor={id('prompt')}>{t('groupEdit.prompt')}</label>
        <textarea
          id={id('prompt')}
          data-testid="group-prompt-input"
          rows={2}
          maxLength={1000}
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
        />
        <div className="control-row">
          <button type="submit" className="button button--small" data-testid="group-save">
            {t('groupEdit.save')}
          </button>
          <button type="button" className="button button--small button--danger" onClick={remove}>
            {t('groupEdit.remove')}
          </button>
        </div>
      </form>
    </details>
  );
}
