package org.drcc.drill;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The module's slice tests ({@code @WebMvcTest}, {@code @JsonTest}) start from here; the real host is backup-service. */
@SpringBootApplication
class DrillTestApplication {
}
