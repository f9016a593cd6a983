export default {
  env: { NEXT_PUBLIC_API_URL: process.env.NEXT_PUBLIC_API_URL },
  serverRuntimeConfig: { apiSecret: process.env.API_SECRET },
};
