/**
 * The drill's client of the Food Truck application: its instances (the URL list), their health and functional checks,
 * deploying a release, rolling back, stopping an instance ({@code AppFleet}; {@code HttpAppFleet} over its REST API).
 */
package org.drcc.drill.application;
