package org.drcc.demoapp.web;

import io.swagger.v3.oas.annotations.Operation;
import org.drcc.demoapp.release.Deployment;
import org.drcc.demoapp.release.Release;
import org.drcc.demoapp.release.ReleaseLedger;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Deploys and rollbacks (recorded in the ledger every instance reads), and stopping this instance. */
@RestController
class ReleaseController {

    private final ReleaseLedger ledger;
    private final ConfigurableApplicationContext context;

    ReleaseController(ReleaseLedger ledger, ConfigurableApplicationContext context) {
        this.ledger = ledger;
        this.context = context;
    }

    @Operation(summary = "The running release and the deployments")
    @GetMapping("/api/release")
    ReleaseView release() {
        return new ReleaseView(ledger.current().version(), Release.versions(), ledger.history());
    }

    @Operation(summary = "Deploy a release (devops, dr-lead): every instance runs it from its next request; "
            + "400 for a release this build does not carry, 409 when it already runs")
    @PostMapping("/api/deployments")
    @ResponseStatus(HttpStatus.CREATED)
    Deployment deploy(@RequestBody DeployRequest request, Authentication caller) {
        return ledger.deploy(request.release(), caller.getName());
    }

    @Operation(summary = "Roll back to the release that ran before the current deployment (devops, dr-lead); "
            + "409 when nothing was deployed")
    @PostMapping("/api/deployments/rollback")
    @ResponseStatus(HttpStatus.CREATED)
    Deployment rollback(Authentication caller) {
        return ledger.rollback(caller.getName());
    }

    @Operation(summary = "Stop this instance (devops, dr-lead), as a crash would: the failover drill's first step. "
            + "Whatever supervises it (dr up, systemd, Kubernetes) starts it again")
    @PostMapping("/api/instance/stop")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void stop() {
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(200); // the 202 leaves first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.exit(SpringApplication.exit(context, () -> 3));
        }, "demo-app-stop");
        stopper.start();
    }
}
