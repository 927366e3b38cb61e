package org.drcc.notification.channel;

import org.drcc.notification.command.Envelope;
import org.drcc.notification.plan.Channel;
import org.drcc.notification.plan.Contact;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mail over SMTP ({@code spring.mail.*}); a refused or unreachable server throws. */
@Component
class EmailClient implements ChannelClient {

    private final JavaMailSender mail;
    private final DeliverySettings settings;

    EmailClient(JavaMailSender mail, DeliverySettings settings) {
        this.mail = mail;
        this.settings = settings;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Contact contact, Envelope envelope) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.mailFrom());
        message.setTo(contact.target());
        message.setSubject(envelope.subject());
        message.setText(envelope.body());
        mail.send(message);
    }
}
