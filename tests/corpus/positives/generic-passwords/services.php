<?php

return [
    'name' => 'ledger',
    'debug' => false,
    'timezone' => 'UTC',
    'locale' => 'en',
    'keystore_password' => 'zephyrlagoonnimbusbadger',
    'encryption_key' => '60f0f1c666131087c1fa385bf265db0832b55faab1963134e7e00994bcc361d8',
    'api_key' => '1yzjgHumfqilwvQFX3keiVso3aBBiP9A',
];
