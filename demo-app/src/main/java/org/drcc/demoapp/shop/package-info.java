/** The food-truck shop over the protected {@code foodtruck} database: trucks, order receipts, and its own functional check. */
package org.drcc.demoapp.shop;
