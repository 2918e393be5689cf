// Bootstrap only: styles, the automation hook, the service worker and the root component.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { installAutomation } from './app/automation';
import { registerServiceWorker } from './app/pwa';
import './styles/theme.css';
import './styles/app.css';

installAutomation();
registerServiceWorker();

const container = document.getElementById('root');
if (!container) throw new Error('Rampart: #root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
