require('dotenv').config();

process.env.SHOPIFY_ACCESS_TOKEN = process.env.SHOPIFY_ACCESS_TOKEN || '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';
process.env.SHOPIFY_API_SECRET = process.env.SHOPIFY_API_SECRET || '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';
process.env.SHOPIFY_ADMIN_TOKEN = process.env.SHOPIFY_ADMIN_TOKEN || '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';

const app = require('./app');
app.listen(process.env.PORT || 3000);
