import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { QuickApp } from './quick/QuickApp';
import { isQuickWindow } from './quick/windows-channel';
import './styles.css';

// The same page serves the main window and, with `?window=quick`, the quick window (issue 11).
createRoot(document.getElementById('root')!).render(
  <StrictMode>{isQuickWindow() ? <QuickApp /> : <App />}</StrictMode>,
);
