package org.drcc.demoapp.web;

import java.util.List;
import org.drcc.demoapp.release.Deployment;

/** The release running, the releases this build carries, and the ledger's deployments, oldest first. */
record ReleaseView(String running, List<String> available, List<Deployment> deployments) {
}
