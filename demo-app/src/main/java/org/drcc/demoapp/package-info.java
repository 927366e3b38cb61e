/** The demo application's entry point; its parts are in {@code release}, {@code shop} and {@code web}. */
package org.drcc.demoapp;
