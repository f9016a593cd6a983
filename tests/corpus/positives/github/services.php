<?php

return [
    'name' => 'ledger',
    'debug' => false,
    'timezone' => 'UTC',
    'locale' => 'en',
    'github_app_installation_token' => 'ghs_LlKHVyOsyQqEQ0HMK7CJvJPHlC25bW0GQWOg',
    'github_refresh_token' => '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',
];
