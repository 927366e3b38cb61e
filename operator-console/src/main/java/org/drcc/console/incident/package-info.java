/**
 * The incident board and the incident room: what incident-service, backup-service and notification-service say
 * about the open incidents, put side by side ({@code BoardController}, {@code RoomController}); the clocks the
 * board shows ({@code RtoClock}, {@code PhaseWindow}: the plan's windows as incident-service recorded them,
 * {@code Deadlines}); and every action of the room sent as one API call ({@code RoomActions}), its refusal shown
 * with the plan's reason.
 */
package org.drcc.console.incident;
