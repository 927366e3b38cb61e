package org.drcc.notification.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SSRF guard's decisions; no request is sent anywhere, and no DNS server is asked. */
class EgressGuardTest {

    private final FixedDns dns = new FixedDns();
    private final EgressGuard guard = dns.guard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://169.254.169.254/latest/meta-data/ | link-local",
            "http://[fe80::1]/ | link-local",
            "http://127.0.0.1:8080/hook | loopback",
            "http://localhost/hook | loopback",
            "http://[::1]/hook | loopback",
            "http://0.0.0.0/ | unspecified",
            "http://10.1.2.3/hook | private",
            "http://172.16.0.1/hook | private",
            "http://192.168.1.1/hook | private",
            "http://[fd12:3456::1]/hook | unique-local",
            "http://100.64.0.1/hook | carrier-grade NAT",
            "http://[::ffff:169.254.169.254]/ | link-local",
            "http://[64:ff9b::a9fe:a9fe]/ | link-local",
            "http://224.0.0.1/ | multicast",
            "http://240.0.0.1/ | reserved"})
    void refusesAChannelUrlIntoThisMachineOrANonPublicNetworkAndSaysHowToAllowIt(String url, String what) {
        assertThat(guard.refusal(URI.create(url))).contains(what, "dr.notification.allowed-hosts",
                "DR_NOTIFICATION_ALLOWED_HOSTS=");
    }

    @Test
    void letsPublicAddressesAndUnresolvableNamesThroughAtTheApi() {
        assertThat(guard.refusal(URI.create("https://hooks.slack.com/services/T/B/x"))).isNull();
        assertThat(guard.refusal(URI.create("https://8.8.8.8/"))).isNull();
        assertThat(guard.refusal(URI.create("https://[2001:4860:4860::8888]/"))).isNull();
        assertThat(guard.refusal(URI.create("https://not-yet-in-dns.example/hook"))).as("checked again on send")
                .isNull();
    }

    @Test
    void aNameThatResolvesIntoTheNetworkIsRefusedAndNamesTheAddress() {
        dns.point("metadata.attacker.example", "169.254.169.254");
        assertThat(guard.refusal(URI.create("http://metadata.attacker.example/x")))
                .startsWith("metadata.attacker.example (169.254.169.254) is a link-local address");
    }

    @Test
    void onSendTheAddressIsCheckedAgainSoANameRepointedAfterTheCheckIsRefused() throws Exception {
        dns.point("hooks.rebind.example", "203.0.113.20");
        assertThat(guard.refusal(URI.create("https://hooks.rebind.example/x"))).isNull();
        assertThat(guard.resolve("hooks.rebind.example")).extracting(java.net.InetAddress::getHostAddress)
                .containsExactly("203.0.113.20");
        dns.point("hooks.rebind.example", "169.254.169.254");
        assertThatThrownBy(() -> guard.resolve("hooks.rebind.example")).isInstanceOf(EgressRefusedException.class)
                .hasMessageContaining("link-local");
    }

    @Test
    void aHostTheOperatorAllowedIsReachedWhateverItsAddress() throws Exception {
        EgressGuard allowing = dns.guard("127.0.0.1", "Chat.Internal.Example");
        dns.point("chat.internal.example", "10.0.0.7");
        assertThat(allowing.refusal(URI.create("http://127.0.0.1:9000/hook"))).isNull();
        assertThat(allowing.refusal(URI.create("https://chat.internal.example/hook"))).isNull();
        assertThat(allowing.resolve("chat.internal.example")).hasSize(1);
        assertThat(allowing.refusal(URI.create("http://localhost:9000/hook"))).as("only the host named")
                .contains("loopback");
    }
}
