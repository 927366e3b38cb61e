package org.drcc.backup.web;

import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.drcc.backup.command.BackupRuleException;
import org.drcc.backup.job.BackupAlreadyRunningException;
import org.drcc.backup.job.NoVerifiedBackupException;
import org.drcc.backup.job.TargetDatabaseExistsException;
import org.drcc.backup.job.UnknownDatabaseException;
import org.drcc.backup.query.BackupNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The backup-service's refusals as problem+json; in every case nothing was changed. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BackupProblems {

    @ExceptionHandler(BackupRuleException.class)
    ProblemDetail refused(BackupRuleException e) {
        return problem(HttpStatus.CONFLICT, "Refused by the backup's rules", e.getMessage());
    }

    /** Axon wraps what a command handler throws; the rule inside is what the caller needs to read. */
    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail refused(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof BackupRuleException rule) {
            return refused(rule);
        }
        throw e;
    }

    @ExceptionHandler(BackupAlreadyRunningException.class)
    ProblemDetail running(BackupAlreadyRunningException e) {
        return problem(HttpStatus.CONFLICT, "A backup of this database is running", e.getMessage());
    }

    @ExceptionHandler(TargetDatabaseExistsException.class)
    ProblemDetail exists(TargetDatabaseExistsException e) {
        return problem(HttpStatus.CONFLICT, "The target database exists", e.getMessage());
    }

    @ExceptionHandler(BackupNotFoundException.class)
    ProblemDetail notFound(BackupNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No such backup", e.getMessage());
    }

    @ExceptionHandler(NoVerifiedBackupException.class)
    ProblemDetail noVerifiedBackup(NoVerifiedBackupException e) {
        return problem(HttpStatus.NOT_FOUND, "No verified backup to restore", e.getMessage());
    }

    @ExceptionHandler(UnknownDatabaseException.class)
    ProblemDetail unknownDatabase(UnknownDatabaseException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "database " + e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", "database", "message", e.getMessage())));
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
