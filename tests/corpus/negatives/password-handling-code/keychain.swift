func savePassword(_ password: String, account: String) throws {
    let query: [String: Any] = [
        kSecClass as String: kSecClassGenericPassword,
        kSecAttrAccount as String: account,
        kSecValueData as String: password.data(using: .utf8)!,
    ]
    SecItemAdd(query as CFDictionary, nil)
}
