Sentry.init({
  dsn: "https://4f1e2d3c4b5a69788796a5b4c3d2e1f0@o481516.ingest.sentry.io/4504827716075520",
  tracesSampleRate: 0.1,
});
