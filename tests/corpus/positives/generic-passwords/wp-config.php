<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp_orbit' );
define( 'DB_PASSWORD', 'Suvfs4sc!' );
define( 'DB_HOST', 'localhost' );
define( 'DB_CHARSET', 'utf8mb4' );

define( 'AUTH_KEY',         'rA11L)>iF1vwqACpGnMc|]mN^cATi+?NZ?yP*K~%7D&|KV?wV;_,wiuMsdgE&Tro' );
define( 'SECURE_AUTH_KEY',  '^i5%;4.[w12qVIW?ZDCgjHV]w]6;[WJK01r2k[>[t[,CX7Op3ra;wh.WUJ[q=?0W' );
define( 'LOGGED_IN_KEY',    'JZGmhsHHHHstu5z(fb47Z9|H<(f7xlJ==[!EnZT<lcNH?iGydP0KuY7]f[s8cF-K' );

$table_prefix = 'wp_';
define( 'WP_DEBUG', false );
