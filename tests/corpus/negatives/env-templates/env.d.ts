interface ImportMetaEnv {
  readonly VITE_API_KEY: string;
  readonly VITE_SENTRY_DSN: string;
}
