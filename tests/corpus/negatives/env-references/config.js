module.exports = {
  apiKey: process.env.API_KEY,
  dbPassword: process.env.DB_PASSWORD,
  githubToken: process.env.GITHUB_TOKEN ?? "",
  slackWebhook: process.env["SLACK_WEBHOOK_URL"],
};
