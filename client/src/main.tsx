import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/app.css';
import './styles/projector.css';
import { App } from './App';
import { applyStyleNonce } from './app/styleNonce';
import { applyStoredDisplayOptions } from './features/board/DisplayOptions';

applyStyleNonce();
applyStoredDisplayOptions();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
