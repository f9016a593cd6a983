<?php
class AuthController
{
    public function login(Request $request)
    {
        $credentials = $request->validate(['email' => 'required|email', 'password' => 'required|string|min:12']);
        if (!Auth::attempt($credentials)) {
            return back()->withErrors(['password' => 'The provided password is incorrect.']);
        }
    }
}
