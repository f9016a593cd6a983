export const keys = {
  passwordLabel: "auth.password.label",
  tokenExpired: "auth.token.expired",
  apiKeyCreated: "settings.apiKey.created",
};
