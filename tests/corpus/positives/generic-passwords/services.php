<?php

return [
    'name' => 'ledger',
    'debug' => false,
    'timezone' => 'UTC',
    'locale' => 'en',
    'keystore_password' => 'nvlpjbtbtcxqwjjjczfcblkw',
    'encryption_key' => 'c1fa385bf265db0832b55faab1963134e7e00994bcc361d8cc43a62845baf524',
    'api_key' => 'Vso3aBBiP9Au1MwjTHtymMlJKHJckxW6',
];
