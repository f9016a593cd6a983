<?php
define('WP_DEBUG', false);
define('WP_CACHE', true);
define('CLIENT_SECRET', 'C_n8SgPL7LdoYa0DvWr4vQoqLtj4gHGF00xQ4q-i');
define('REDIS_PASSWORD', 'HJQxuRR*d!OLquAX5Eifd.hQ');
