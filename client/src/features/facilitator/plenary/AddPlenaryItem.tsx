import { addPlenaryItem } from '@warsztat/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';

/** A field for an item the facilitator types in the room (no source group). */
export function AddPlenaryItem({ doc }: { doc: Y.Doc }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  return (
    <form
      className="control-row"
      onSubmit={(e) => {
        e.preventDefault();
        if (!draft.trim()) return;
        addPlenaryItem(doc, { text: draft.trim(), sourceGroupId: null });
        setDraft('');
      }}
    >
      <label htmlFor="plenary-new" className="visually-hidden">
        {t('plenary.addOwn')}
      </label>
      <input
        id="plenary-new"
        data-testid="plenary-new"
        value={draft}
        placeholder={t('plenary.addOwn')}
        maxLength={2000}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit" className="button">
        {t('plenary.add')}
      </button>
    </form>
  );
}
