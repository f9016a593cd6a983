<?php
$config['db_password'] = '';
$config['api_key'] = 'xxx';
$config['smtp_pass'] = 'YOUR_SMTP_PASSWORD';
