package org.drcc.kit.security;

/** A service's own rows of the permission table, declared as a bean; the kit checks every request against them. */
@FunctionalInterface
public interface ServicePermissions {

    PermissionTable table();
}
