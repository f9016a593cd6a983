export const environment = {
  production: true,
  apiUrl: "https://api.orbitpay.io",
  sentryDsn: import.meta.env.VITE_SENTRY_DSN,
};
