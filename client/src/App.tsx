import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { NotFound } from './app/NotFound';
import { Page } from './app/Page';
import { UpdatePrompt } from './app/UpdatePrompt';

/**
 * Each screen is its own chunk: a phone opening the join link downloads the form, not the board's
 * Yjs, the console's socket.io or the summary editor. Chunks shared by several screens are split
 * out by the bundler and cached across them.
 */
const CreateWorkshopPage = lazy(() =>
  import('./features/create/CreateWorkshopPage').then((m) => ({ default: m.CreateWorkshopPage })),
);
const JoinPage = lazy(() => import('./features/join/JoinPage').then((m) => ({ default: m.JoinPage })));
const ParticipantPage = lazy(() =>
  import('./features/participant/ParticipantPage').then((m) => ({ default: m.ParticipantPage })),
);
const FacilitatorPage = lazy(() =>
  import('./features/facilitator/FacilitatorPage').then((m) => ({ default: m.FacilitatorPage })),
);
const ProjectorPage = lazy(() =>
  import('./features/projector/ProjectorPage').then((m) => ({ default: m.ProjectorPage })),
);

/** While a screen's code arrives: one polite line, announced once, in the page's language. */
function ScreenLoading() {
  const { t } = useTranslation();
  return (
    <Page>
      <output className="muted" data-testid="screen-loading">
        {t('app.loading')}
      </output>
    </Page>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Suspense fallback={<ScreenLoading />}>
        <Routes>
          <Route path="/" element={<CreateWorkshopPage />} />
          <Route path="/j/:code?" element={<JoinPage />} />
          <Route path="/b/:token" element={<ParticipantPage />} />
          <Route path="/f/:token" element={<FacilitatorPage />} />
          <Route path="/p/:token" element={<ProjectorPage />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
      <UpdatePrompt />
    </BrowserRouter>
  );
}
