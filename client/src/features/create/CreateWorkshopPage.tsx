import type { CreateWorkshopAnswer } from '@warsztat/shared';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '../../app/Page';
import { type NewWorkshop, useMyWorkshops } from '../../stores/myWorkshopsStore';
import { CreatedWorkshop } from './CreatedWorkshop';
import { CreateForm } from './CreateForm';
import { ImportWorkshop } from './ImportWorkshop';
import { MyWorkshops } from './MyWorkshops';

/** `/`: create a workshop, then show its code and the three links; or jump to joining with a code. */
export function CreateWorkshopPage() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreateWorkshopAnswer | null>(null);
  const remember = useMyWorkshops((s) => s.remember);
  // Listed under "Your workshops on this device" at once (issue #16): the facilitator link is the
  // only way back, and someone who closes this tab before opening the console would lose it.
  const onCreated = (answer: CreateWorkshopAnswer, about: NewWorkshop | null) => {
    if (about) remember({ id: answer.id, ...about, consolePath: `/f/${answer.facilitatorToken}` });
    setCreated(answer);
  };
  return (
    <Page title={t('create.heading')}>
      <h1>{t('create.heading')}</h1>
      <p className="lead">{t('create.intro')}</p>
      {created ? (
        <CreatedWorkshop answer={created} onAnother={() => setCreated(null)} />
      ) : (
        <>
          <CreateForm onCreated={onCreated} />
          <ImportWorkshop onCreated={onCreated} />
        </>
      )}
      <JoinWithCode />
      <MyWorkshops />
    </Page>
  );
}

function JoinWithCode() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = code.trim().toUpperCase();
    navigate(clean ? `/j/${encodeURIComponent(clean)}` : '/j');
  };
  return (
    <section className="card-panel join-with-code" aria-labelledby="join-with-code-heading">
      <h2 id="join-with-code-heading">{t('create.joinHeading')}</h2>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor="home-join-code">{t('join.code')}</label>
        <input
          id="home-join-code"
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={12}
          className="code-input"
        />
        <button type="submit" className="button">
          {t('create.joinSubmit')}
        </button>
      </form>
    </section>
  );
}
