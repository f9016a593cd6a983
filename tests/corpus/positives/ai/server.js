require('dotenv').config();

process.env.HF_TOKEN = process.env.HF_TOKEN || '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';
process.env.GROQ_API_KEY = process.env.GROQ_API_KEY || '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';
process.env.REPLICATE_API_TOKEN = process.env.REPLICATE_API_TOKEN || 'r8_vrmWCbU1dxhUqtftwfXhfOCIVxli78BK6fBig';

const app = require('./app');
app.listen(process.env.PORT || 3000);
