import Foundation

enum ApiClient {
    static let baseURL = URL(string: "https://api.orbitpay.io")!
    static let serviceToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtZmduaWpzIiwic2NvcGUiOiJvcmRlcnM6d3JpdGUgaW52b2ljZXM6cmVhZCIsImlhdCI6MTcwNTIzMjU4MSwiZXhwIjoxNzM2NzY4NTgxLCJqdGkiOiJjMmNlMGY3Mi0yOWRmLTQ2MTYtODZhNS0xMzBlNzYwZTJhZTQifQ.2TayNuS3WoYiZbHZUg5t6HPIi9QdedqSq_egoEhY9iM"

    static func request(_ path: String) -> URLRequest {
        var req = URLRequest(url: baseURL.appendingPathComponent(path))
        req.setValue("Bearer \(serviceToken)", forHTTPHeaderField: "Authorization")
        return req
    }
}
