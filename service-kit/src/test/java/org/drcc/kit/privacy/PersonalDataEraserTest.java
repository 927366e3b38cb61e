package org.drcc.kit.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PersonalDataEraserTest {

    @Test
    void anAddressIsMatchedLiterallyNotAsAPattern() {
        String quoted = PersonalDataEraser.regexQuote("a.b+c@food-truck.example");
        // PostgreSQL's ARE and Java agree on backslash-escaped punctuation
        assertThat(Pattern.compile(quoted).matcher("a.b+c@food-truck.example").matches()).isTrue();
        assertThat(Pattern.compile(quoted).matcher("aXb+c@food-truck.example").matches()).isFalse();
        assertThat(Pattern.compile(quoted).matcher("a.bbc@food-truck.example").matches()).isFalse();
    }
}
