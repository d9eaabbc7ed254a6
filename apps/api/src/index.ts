// Only the router's type crosses into the web app and the typed client.
export type { AppRouter } from './router.ts';
