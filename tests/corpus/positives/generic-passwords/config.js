'use strict';

module.exports = {
  port: Number(process.env.PORT || 3000),
  logLevel: 'info',
  adminPassword: 'Ib66b5cx!',
  corsOrigin: 'https://app.orbitpay.io',
  smtpPassword: 'egzB6pK=GjYo-4W4',
  jwtSecret: '4dlL4htgY010bC5zu8ADJjQcmCMmh6ODxr7WRcTJAIZC7Xlt',
};
