import type { Card, CardColor, SectionTemplate } from '@warsztat/shared';
import { CARD_COLORS, deleteCard, moveCard, setCardColor } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { currentLocale } from '../../i18n';
import { CardText } from './CardText';

interface Props {
  doc: Y.Doc;
  card: Card;
  sections: SectionTemplate[];
  readOnly: boolean;
  autoFocus: boolean;
  onFocused: () => void;
  onMoved: (cardId: string) => void;
}

function isCardColor(value: string): value is CardColor {
  return (CARD_COLORS as readonly string[]).includes(value);
}

export function CardItem({ doc, card, sections, readOnly, autoFocus, onFocused, onMoved }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const className = `card card--${card.color}`;

  if (readOnly) {
    return (
      <li className={className} data-testid="card" data-card-id={card.id}>
        <div className="card-text card-text--static" data-testid="card-text">
          {card.text}
        </div>
      </li>
    );
  }

  const targets = sections.filter((s) => s.id !== card.sectionId);
  return (
    <li className={className} data-testid="card" data-card-id={card.id}>
      <CardText doc={doc} cardId={card.id} text={card.text} autoFocus={autoFocus} onFocused={onFocused} />
      <div className="card-tools">
        <label className="card-tool">
          <span className="visually-hidden">{t('board.color')}</span>
          <select
            value={card.color}
            onChange={(e) => {
              if (isCardColor(e.target.value)) setCardColor(doc, card.id, e.target.value);
            }}
          >
            {CARD_COLORS.map((c) => (
              <option key={c} value={c}>
                {t(`color.${c}`)}
              </option>
            ))}
          </select>
        </label>
        {targets.length > 0 && (
          <label className="card-tool">
            <span className="visually-hidden">{t('board.moveTo')}</span>
            <select
              data-testid="move-card"
              value=""
              onChange={(e) => {
                const to = e.target.value;
                if (!to) return;
                moveCard(doc, card.id, to);
                onMoved(card.id);
              }}
            >
              <option value="">{t('board.moveTo')}</option>
              {targets.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label[locale]}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          className="icon-button"
          data-testid="delete-card"
          aria-label={t('board.deleteCard')}
          title={t('board.deleteCard')}
          onClick={() => deleteCard(doc, card.id)}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </li>
  );
}
