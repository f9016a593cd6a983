<?php

namespace Database\Seeders;

use Illuminate\Database\Seeder;
use Illuminate\Support\Facades\DB;

class UserSeeder extends Seeder
{
    public function run(): void
    {
        DB::table('users')->insert([
            'name' => 'Site Admin',
            'email' => 'admin@orbitpay.io',
            'password' => '$2y$12$Ep/Pn92QpK0e5uufUXrWgX.Nq57NrCxqSbyhtgMd0TktHVNWK0lQH',
        ]);
    }
}
