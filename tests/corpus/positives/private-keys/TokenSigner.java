package io.orbitpay.auth;

final class TokenSigner {
    private static final String PEM =
        "-----BEGIN PRIVATE KEY-----\n"
        + "MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKfooswOpeTovENSTFotgoPjq+yiH5p2\n"
        + "KhIAVgHCf96V+y5+B9Lk4RzAn1gFCpLuhqSy03udpwZxHLAKEUZhpeXHzSv85IKn\n"
        + "o76YizjlYyYkg8RaOOXd1cOsW/wXBIlPyw2X3tp8rACUp5IHi4PfkW0JAp78BYYP\n"
        + "V42+fknSVRgsRw/8RUj3EgkcV+ONtexEZhgj+adIoUOfTQ8PkhtuyJ3Q5RkX9bZ9\n"
        + "YLAAUSRF10pi0QEcUPGnsltNYM1JKLnsqXqqCQtOS6REoJahWhKumxwlF9qj5Hoz\n"
        + "UuNUGxsDAL7DapFGRTn7bSnxnss8jCnvMTxIBM4J8Dj65UPnxxxRJjHE5sgLTSQU\n"
        + "tkTAuL+dobqv4nNDIlUPHZvIQaBe83n2JAamfeeDoblSp+ACiGk9chl2dH9NWO21\n"
        + "bur//rz5r7dccy0ZM8MUzmUl74L2fO7tDAe1SqTnNvKG1+H8d3ZoXGt9aqQcA7w7\n"
        + "V7aUKYGy8ZxGh9XNee5GP4LLvzF+xN3l1pISLHywaChjlqCeJG7RFhtd9Nx8g9SK\n"
        + "rZsDtVGd4vUthQhHPXdQqzscOSqSRvqF5GSipRTeswzDLErTRahCY0U0tOwf6Q6m\n"
        + "Bm/tL4U5X8B0xMzu6o83LE4oSu7NEOKCMHXPk+limh1jNEIaWu+m+RlSgeA9NfSQ\n"
        + "YI4blbkf0A5TRcWoeKvL+E9bUArJcpUriYcK9LRGX5u2OE+VHYtkc0qv6uoLZ+Rw\n"
        + "c8KzImxHCrbxLlx4WKP1vtYx/gKS4zX4rk9iGAhcJkOeK2ObyzeJn+X1z8qIBlHW\n"
        + "lWgns0HoG6EKETylwJaNWA26tpAQSQghYWQe9ehEv7a97xtFTnirJ/pYIfszXsYn\n"
        + "iyXkuEYhk8/CIYjnRfCOOFmOcGbuqzLq/Wl/N7OCNKhWFT2oYB+XGGPJrgLmCggz\n"
        + "uldmFPtFRhVxN+wpeF9DFymy/JuI1JSARmU2eC9L2katZPyCSnGiF1xBS4gTC+Wx\n"
        + "/p9LT/InaWsX/8zlKziVmtMDlF+wX0SYujmsXLny65WeufnxY0Z0kbZ3522R2HpE\n"
        + "2kQ27x02p9bTrrzqx9iwnwYjNgjXzGdudST30ti37HHpQpUt9JRBTs40gN8ZSxaE\n"
        + "FoxA/3ltFqg7VKKxYn0s+xbILX247ZTpgK0lXEZoUZRKjiikvamfvP7Gl9YRw2+7\n"
        + "LLRDWF388kf3dkTSjiqpwu5iNO623lTmKCQcY0BHrwctWb4KaUlWdFb8VulLGf58\n"
        + "KWIg/5/DWYWci7nTtqYnAtqGWaOXo6VfzijNEVM11/OYg6b4ItTaZDcQAQaXHPyY\n"
        + "0r9d4EeDnOL6HQbvEcTda+XIHqFeJ7p+Z/L8LNMF5pVL5AxYWiX/5MOWulcdgSeu\n"
        + "aDyFAfsDXtYPr0SUcdNtHILUDa8pqGDVin2y08lULRpr0w9laaouOdYuKd6Us8CU\n"
        + "8rKYIQCKojAGO5r6O2INc/v3dKzpzMP8ScmVl1bI+Q/+fbnHwVrP+oW/uuraqJMT\n"
        + "Btfqk7itsJ0UcUdzGXi5d0yqUK2FlADGLJVQbs0Fc3Hl5Cgy7orOAn/g7xNykRyl\n"
        + "8vv/1QbgjfrGeVkZ+dDwOw==\n"
        + "-----END PRIVATE KEY-----\n";

    private TokenSigner() {}
}
