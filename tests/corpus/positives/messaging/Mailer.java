package io.orbitpay.mail;

import com.sendgrid.SendGrid;

public class Mailer {
    private final SendGrid sg = new SendGrid("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");

    public SendGrid client() {
        return sg;
    }
}
