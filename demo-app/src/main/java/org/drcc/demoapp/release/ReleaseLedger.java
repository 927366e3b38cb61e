package org.drcc.demoapp.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The deployment ledger: an append-only file of deployments that every instance reads its running release from, as a
 * release pointer on a shared disk. A deploy pushes a release; a rollback returns to the one that ran before the
 * current deployment (a second rollback goes back one more). Writers hold an OS file lock while they read and append,
 * so two instances deploying at once each see the other's line.
 */
@Component
public class ReleaseLedger {

    private final ReleaseProperties properties;
    private final Clock clock;

    public ReleaseLedger(ReleaseProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** The running release: the last line's, or the initial one while nothing was deployed. */
    public Release current() {
        return Release.byVersion(running(history())).orElseThrow(() -> new UnknownReleaseException(properties.initial()));
    }

    public List<Deployment> history() {
        try {
            return Files.exists(properties.ledger())
                    ? Files.readAllLines(properties.ledger()).stream().filter(l -> !l.isBlank()).map(Deployment::parse).toList()
                    : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized Deployment deploy(String version, String actor) {
        Release release = Release.byVersion(version).orElseThrow(() -> new UnknownReleaseException(version));
        return append(history -> {
            if (running(history).equals(release.version())) {
                throw new ReleaseRefusedException("release " + version + " is already running");
            }
            return new Deployment(clock.instant(), release.version(), actor, false);
        });
    }

    public synchronized Deployment rollback(String actor) {
        return append(history -> {
            Deque<String> stack = stack(history);
            if (stack.isEmpty()) {
                throw new ReleaseRefusedException("nothing to roll back: release " + properties.initial()
                        + " has run since the start");
            }
            stack.pop();
            return new Deployment(clock.instant(), stack.isEmpty() ? properties.initial() : stack.peek(), actor, true);
        });
    }

    private String running(List<Deployment> history) {
        String top = stack(history).peekFirst();
        return top == null ? properties.initial() : top;
    }

    /** The deployed releases, newest first, with every rolled-back one taken off. */
    private static Deque<String> stack(List<Deployment> history) {
        Deque<String> stack = new ArrayDeque<>();
        for (Deployment d : history) {
            if (d.rollback()) {
                stack.poll();
            } else {
                stack.push(d.release());
            }
        }
        return stack;
    }

    private Deployment append(java.util.function.Function<List<Deployment>, Deployment> decide) {
        try {
            Files.createDirectories(properties.ledger().toAbsolutePath().getParent());
            try (FileChannel channel = FileChannel.open(properties.ledger(), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                 var lock = channel.lock()) {
                Deployment next = decide.apply(history());
                channel.write(ByteBuffer.wrap(next.line().getBytes(StandardCharsets.UTF_8)));
                channel.force(false);
                return next;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
