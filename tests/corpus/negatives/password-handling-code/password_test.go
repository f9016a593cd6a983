func TestRejectsShortPassword(t *testing.T) {
	if err := Validate("short"); err == nil {
		t.Fatal("expected error for a short password")
	}
}
