package org.drcc.kit.security;

import java.util.List;

/**
 * The roles of the DR plan (DR lead, database administrator, DevOps, security, support) plus viewer and
 * auditor, as they appear in the token's roles claim ({@code dr.security.roles-claim}, default {@code roles}).
 */
public final class Roles {

    public static final String DR_LEAD = "dr-lead";
    public static final String DBA = "dba";
    public static final String DEVOPS = "devops";
    public static final String SECURITY = "security";
    public static final String SUPPORT = "support";
    public static final String VIEWER = "viewer";
    public static final String AUDITOR = "auditor";

    public static final List<String> ALL = List.of(DR_LEAD, DBA, DEVOPS, SECURITY, SUPPORT, VIEWER, AUDITOR);
    /** Everyone who works an incident (not the read-only viewer and auditor). */
    public static final List<String> RESPONDERS = List.of(DR_LEAD, DBA, DEVOPS, SECURITY, SUPPORT);

    private Roles() {
    }
}
