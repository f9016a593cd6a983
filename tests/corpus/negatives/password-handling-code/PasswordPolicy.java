public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final String PASSWORD_PATTERN = "^(?=.*[0-9])(?=.*[a-z])(?=.*[A-Z]).{12,}$";

    public boolean isValid(String password) {
        return password != null && password.matches(PASSWORD_PATTERN);
    }
}
