import { BrowserRouter, Route, Routes } from 'react-router';
import { NotFound } from './app/NotFound';
import { CreateWorkshopPage } from './features/create/CreateWorkshopPage';
import { FacilitatorPage } from './features/facilitator/FacilitatorPage';
import { JoinPage } from './features/join/JoinPage';
import { ParticipantPage } from './features/participant/ParticipantPage';
import { ProjectorPage } from './features/projector/ProjectorPage';

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/" element={<CreateWorkshopPage />} />
        <Route path="/j/:code?" element={<JoinPage />} />
        <Route path="/b/:token" element={<ParticipantPage />} />
        <Route path="/f/:token" element={<FacilitatorPage />} />
        <Route path="/p/:token" element={<ProjectorPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </BrowserRouter>
  );
}
