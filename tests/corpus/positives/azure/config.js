'use strict';

module.exports = {
  port: Number(process.env.PORT || 3000),
  logLevel: 'info',
  azureDevopsPat: '2xxwqxzqlj2cmcebnpogh2skvdtz24pdsbsnnzltdemhuobkc26a',
  corsOrigin: 'https://app.orbitpay.io',
  azureOpenaiApiKey: '24e68ee7656b40d3710042c3fd54f374',
};
