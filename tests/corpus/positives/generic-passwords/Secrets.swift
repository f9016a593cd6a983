enum Secrets {
    static let analyticsSecret = "wz44fDIVI00AxpSbiXZX3lHxtHfC0s6RGQWExsfh"
    static let environment = "production"
}
