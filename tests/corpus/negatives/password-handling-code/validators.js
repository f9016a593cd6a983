export function validatePassword(password) {
  if (!password) return "Password is required";
  if (password.length < 12) return "Password must be at least 12 characters";
  if (password === password.toLowerCase()) return "Password needs an uppercase letter";
  return null;
}
