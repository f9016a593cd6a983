'use strict';

module.exports = {
  port: Number(process.env.PORT || 3000),
  logLevel: 'info',
  sendgridApiKey: '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',
  corsOrigin: 'https://app.orbitpay.io',
  mailgunApiKey: 'key-ee6da67311335515006074cb5814f6f9',
  mailgunPrivateKey: 'adbe4908625256c267661125523f2a96-11636ab8-2f01a878',
};
