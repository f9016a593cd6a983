<?php
define('WP_DEBUG', false);
define('WP_CACHE', true);
define('GOOGLE_API_KEY', 'AIzaD0LzscTmfcpKZcLz7H9WlvYvwQsdUwtwCJT');
define('GOOGLE_CLIENT_SECRET', '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');
define('GOOGLE_REFRESH_TOKEN', '1//0skAbnZW2Um2GSAXTI4KLwPclxyklkP4mNwuN2rx-b-SM46IdKiARoB2x22mTSRWyq4cCVBHUi6KlsBF80OwgqLUbYwSWiWVgQIu');
