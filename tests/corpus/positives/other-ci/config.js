'use strict';

module.exports = {
  port: Number(process.env.PORT || 3000),
  logLevel: 'info',
  buildkiteApiToken: 'bkua_f8c317b5ef0ebeb89ac4d9107e46e6f00a4343ef',
  corsOrigin: 'https://app.orbitpay.io',
  buildkiteAgentToken: '8c8017fd5232c7e14fadc427f20be9e093e489e593817632ff',
};
