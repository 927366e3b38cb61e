package org.drcc.drill.web;

class ReportNotReadyException extends RuntimeException {

    ReportNotReadyException(String drillId, String status) {
        super("drill " + drillId + " has no report yet (it is " + status + "); the report is written when it ends");
    }
}
