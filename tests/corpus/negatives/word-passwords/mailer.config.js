module.exports = {
  host: "smtp.orbitpay.io",
  port: 587,
  auth: { user: "mailer", pass: "Spring2024" },
};
