<?php
$ch = curl_init('https://crm.orbitpay.internal/api/v1/contacts');
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_HTTPHEADER, [
    'Accept: application/json',
    'Authorization: Token ea1ef7d39f96cc38cc31b66c303c8e92d1a04bd9',
]);
$contacts = json_decode(curl_exec($ch), true);
