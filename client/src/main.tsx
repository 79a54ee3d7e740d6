import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/app.css';
import './styles/projector.css';
import { App } from './App';
import { applyStoredDisplayOptions } from './features/board/DisplayOptions';

applyStoredDisplayOptions();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
