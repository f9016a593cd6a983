package io.orbitpay.config

object Secrets {
    const val BASE_URL = "https://api.orbitpay.io"
    const val TIMEOUT_MS = 10_000L
    const val AWS_ACCESS_KEY_ID = "ASIAH2QKCMRTLE724QNX"
    const val AWS_SECRET_ACCESS_KEY = "iq9L32V/VRT0jRL1Xdpq5nnAxwYj16FUNRzC6Rvi"
    const val AWS_SESSION_TOKEN = "IQoJb3JpZ2luX2VjEKcvaCXVzLWVhc3QtMSJH1W0Kw/NAWB5uWX1Q7XluQCHHdJAcw9tA/BV8wqjaOlWOSRu3+pKwfyi8nix/bRpB9hh2fGEZJ2GuKEikktN4ZomlyB2mDkN5Gaao1MT2omYtPrRfBZDHbB8JD5fHC35g9CSbCXgcKWy0MqPw1ZxvrGWV+DbUSAmvebz7NhvbdWorj09QAPm1oxvCGjIg5J89oQKhNELNtlr8UFvvxKOVJcnXBHIhnP9/ODkvUlnlc1ZflgiXaEXeL1vWj8OV7NNnyA5YfEBOQytBBvb4n8oeDgpZxvuPhkzajz4l3EPfSq38IUZ0h/DgJWQREwgCov9BUAMA0CstVfBe7yQVS4LPEx8r4xreuMQugUaq/IEG"
}
