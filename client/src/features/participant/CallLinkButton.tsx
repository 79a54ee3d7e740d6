import type { GroupView } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';

/**
 * "Dołącz do rozmowy grupy" (issue #17): the group's call, in a new tab so the board stays open
 * here. `noopener noreferrer`: the call's page gets no handle on this tab and no token in a Referer.
 * The server sends the link only to members, so its presence is the right to see it.
 */
export function CallLinkButton({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  if (!group.callUrl) return null;
  return (
    <a
      className="button button--primary call-link-join"
      data-testid="call-link-join"
      href={group.callUrl}
      target="_blank"
      rel="noopener noreferrer"
    >
      {t('callLink.join')}
      <span className="visually-hidden"> {t('callLink.newTab')}</span>
    </a>
  );
}
