package org.drcc.backup.web;

import static org.drcc.kit.problem.Problems.invalid;
import static org.drcc.kit.problem.Problems.problem;

import java.util.List;
import java.util.Map;
import org.drcc.backup.catalog.UnknownTierException;
import org.drcc.backup.job.BackupAlreadyRunningException;
import org.drcc.backup.job.NoCopyInTierException;
import org.drcc.backup.job.NoVerifiedBackupException;
import org.drcc.backup.job.RestoreAlreadyRunningException;
import org.drcc.backup.job.RestoreOverDatabaseRunningException;
import org.drcc.backup.job.TargetDatabaseExistsException;
import org.drcc.backup.job.UnknownDatabaseException;
import org.drcc.backup.pitr.PgBackRestException;
import org.drcc.backup.pitr.PitrRefusedException;
import org.drcc.backup.pitr.RestoreNotFoundException;
import org.drcc.backup.pitr.ToTimeOutOfRangeException;
import org.drcc.backup.query.BackupNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The backup-service's refusals as problem+json (a rule's refusal: the kit's advice); in every case nothing was changed. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BackupProblems {

    @ExceptionHandler(BackupAlreadyRunningException.class)
    ProblemDetail running(BackupAlreadyRunningException e) {
        return problem(HttpStatus.CONFLICT, "A backup of this database is running", e.getMessage());
    }

    @ExceptionHandler(RestoreOverDatabaseRunningException.class)
    ProblemDetail restoringOver(RestoreOverDatabaseRunningException e) {
        return problem(HttpStatus.CONFLICT, "A restore over this database is running", e.getMessage());
    }

    @ExceptionHandler(RestoreAlreadyRunningException.class)
    ProblemDetail restoring(RestoreAlreadyRunningException e) {
        return problem(HttpStatus.CONFLICT, "A restore into this database is running", e.getMessage());
    }

    @ExceptionHandler(TargetDatabaseExistsException.class)
    ProblemDetail exists(TargetDatabaseExistsException e) {
        return problem(HttpStatus.CONFLICT, "The target database exists", e.getMessage());
    }

    @ExceptionHandler(BackupNotFoundException.class)
    ProblemDetail notFound(BackupNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No such backup", e.getMessage());
    }

    @ExceptionHandler(NoCopyInTierException.class)
    ProblemDetail noCopy(NoCopyInTierException e) {
        return problem(HttpStatus.CONFLICT, "No copy of the backup in that tier", e.getMessage());
    }

    @ExceptionHandler(NoVerifiedBackupException.class)
    ProblemDetail noVerifiedBackup(NoVerifiedBackupException e) {
        return problem(HttpStatus.NOT_FOUND, "No verified backup to restore", e.getMessage());
    }

    @ExceptionHandler(UnknownDatabaseException.class)
    ProblemDetail unknownDatabase(UnknownDatabaseException e) {
        return invalid("database " + e.getMessage(), List.of(Map.of("field", "database", "message", e.getMessage())));
    }

    @ExceptionHandler(UnknownTierException.class)
    ProblemDetail unknownTier(UnknownTierException e) {
        return invalid("from " + e.getMessage(), List.of(Map.of("field", "from", "message", e.getMessage())));
    }

    @ExceptionHandler(ToTimeOutOfRangeException.class)
    ProblemDetail toTime(ToTimeOutOfRangeException e) {
        return invalid(e.getMessage(), List.of(Map.of("field", "toTime", "message", e.getMessage())));
    }

    @ExceptionHandler(PitrRefusedException.class)
    ProblemDetail pitrRefused(PitrRefusedException e) {
        return problem(HttpStatus.CONFLICT, "The point-in-time recovery job cannot start", e.getMessage());
    }

    @ExceptionHandler(RestoreNotFoundException.class)
    ProblemDetail noRestore(RestoreNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No such restore", e.getMessage());
    }

    @ExceptionHandler(PgBackRestException.class)
    ProblemDetail pgBackRest(PgBackRestException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Point-in-time recovery is unavailable", e.getMessage());
    }
}
