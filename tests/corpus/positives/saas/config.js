'use strict';

module.exports = {
  port: Number(process.env.PORT || 3000),
  logLevel: 'info',
  dropboxAccessToken: 'sl.Bj-4La6AAU0KgJaUKVVsLwFwDKaccYVjecM6yOjqcKQ6F8As_5McowZ1cEDHlqFrpiQ4qL8xblQXuH2iR4VBSaAeZRGAZtDhe9zMgbgn4OePd38vGWMSNtfUkacKV7x8GGVSdiTB',
  corsOrigin: 'https://app.orbitpay.io',
  oktaApiToken: '001veTue-Kw5dNzOPJ_nDORgApDO1dgfjtb9cSnd9E',
  hubspotAccessToken: 'pat-na1-d4ab6977-3a50-44c3-a2f0-dc6107a4e3f4',
};
