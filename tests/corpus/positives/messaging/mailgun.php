<?php
require 'vendor/autoload.php';
use Mailgun\Mailgun;

$mg = Mailgun::create('853a1d633840f20a6685e2ef5afa557e-e228a96a-3a16e321', 'https://api.eu.mailgun.net');
$mg->messages()->send('mg.orbitpay.io', [
    'from'    => 'noreply@mg.orbitpay.io',
    'to'      => 'ops@orbitpay.io',
    'subject' => 'Nightly report',
    'text'    => 'See attachment.',
]);
