/// <reference types="vite-plugin-pwa/client" />
/**
 * Service-worker registration (DESIGN.md §11: every asset precached, so after one visit the app opens offline).
 * vite.config.ts sets `injectRegister: false`, so registering is our job; `registerType: 'autoUpdate'` makes a
 * new version take over on the next load without asking.
 */
import { registerSW } from 'virtual:pwa-register';

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  registerSW({
    immediate: true,
    onRegisterError(error: unknown) {
      // Offline support is a bonus, not a requirement to edit: log and carry on.
      console.warn('Rampart: service worker registration failed', error);
    },
  });
}
