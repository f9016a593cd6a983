def test_login_rejects_wrong_password(client, user):
    resp = client.post("/login", data={"email": user.email, "password": "wrong"})
    assert resp.status_code == 401
