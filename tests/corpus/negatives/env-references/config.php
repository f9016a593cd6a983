<?php
return [
    'api_key' => env('API_KEY'),
    'password' => getenv('DB_PASSWORD'),
    'secret' => $_ENV['APP_SECRET'] ?? null,
];
