pub fn strength(password: &str) -> u8 {
    let mut score = 0;
    if password.len() >= 12 { score += 1; }
    if password.chars().any(|c| c.is_ascii_digit()) { score += 1; }
    score
}
