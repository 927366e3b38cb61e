/**
 * What every page shares: who is signed in, times written for people ({@code Times}), and a service's refusal
 * turned into what the operator sees ({@code PageAdvice}: the reason in the page's alert region, or back to the
 * sign-in when the token is no longer accepted), and what a done action answers ({@code Feedback}).
 */
package org.drcc.console.page;
