package org.drcc.backup.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.drcc.backup.command.RecordTierCopyCommand;
import org.drcc.backup.query.MissingCopy;
import org.drcc.backup.storage.ObjectStore;
import org.drcc.backup.storage.S3Properties;
import org.drcc.backup.storage.StoredObject;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** A tier's copy is read from the tier the dump was written to, or, when that one is gone, from a proven copy. */
class TierCopierTest {

    private static final String KEY = "foodtruck/b-1.dump";
    private final ObjectStore store = mock(ObjectStore.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final TierCopier copier = new TierCopier(store, commands,
            new S3Properties(null, 2, new S3Properties.Buckets("p-bucket", "s-bucket", "t-bucket")),
            Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC), mock(AutoVerification.class));

    @Test
    void withTheTierItWasWrittenToGoneTheCopyIsReadFromAProvenCopy() throws Exception {
        when(store.open("p-bucket", KEY)).thenThrow(SdkClientException.create("Unable to execute HTTP request"));
        when(store.open("s-bucket", KEY)).thenReturn(object());
        when(store.upload(eq("t-bucket"), eq(KEY), any(InputStream.class), any())).thenReturn(new StoredObject(3, "ab12"));
        when(store.readBack("t-bucket", KEY)).thenReturn(new StoredObject(3, "ab12"));
        MissingCopy missing = new MissingCopy("b-1", "foodtruck", "p-bucket", "s-bucket", KEY, "ab12", "tertiary",
                "t-bucket", 1, Instant.EPOCH);

        assertThat(missing.sources()).containsExactly("p-bucket", "s-bucket");
        assertThat(copier.copy("b-1", missing.sources(), KEY, "ab12", "tertiary", "t-bucket", 2)).isTrue();
        assertThat(recorded()).extracting(RecordTierCopyCommand::readBackSha256, RecordTierCopyCommand::cause,
                RecordTierCopyCommand::attempt).containsExactly("ab12", null, 2);
    }

    @Test
    void whenNoSourceCanBeReadTheFailureNamesEachAndNothingIsUploaded() throws Exception {
        when(store.open(any(), eq(KEY))).thenThrow(SdkClientException.create("Unable to execute HTTP request"));

        assertThat(copier.copy("b-1", List.of("p-bucket", "s-bucket"), KEY, "ab12", "tertiary", "t-bucket", 1)).isFalse();
        assertThat(recorded().cause()).isEqualTo("from p-bucket: Unable to execute HTTP request; "
                + "from s-bucket: Unable to execute HTTP request");
        assertThat(recorded().readBackSha256()).isNull();
        verify(store, never()).upload(any(), any(), any(InputStream.class), any());
    }

    @Test
    void theTierThatIsCopiedToAndTheOneWrittenToAreNeverSources() {
        MissingCopy missing = new MissingCopy("b-1", "foodtruck", "t-bucket", "p-bucket t-bucket s-bucket", KEY, "ab12",
                "secondary", "s-bucket", 0, Instant.EPOCH);

        assertThat(missing.sources()).containsExactly("t-bucket", "p-bucket");
        assertThat(new MissingCopy("b-1", "foodtruck", "t-bucket", null, KEY, "ab12", "primary", "p-bucket", 0,
                Instant.EPOCH).sources()).containsExactly("t-bucket");
    }

    @Test
    void aSourceWhoseCopyReadsBackWithOtherBytesIsPassedOverForTheNextOne() throws Exception {
        when(store.open("p-bucket", KEY)).thenReturn(object());
        when(store.open("s-bucket", KEY)).thenReturn(object());
        when(store.readBack("t-bucket", KEY)).thenReturn(new StoredObject(3, "ff00"), new StoredObject(3, "ab12"));

        assertThat(copier.copy("b-1", List.of("p-bucket", "s-bucket"), KEY, "ab12", "tertiary", "t-bucket", 1)).isTrue();
        assertThat(recorded()).extracting(RecordTierCopyCommand::readBackSha256, RecordTierCopyCommand::cause)
                .containsExactly("ab12", null);

        when(store.readBack("t-bucket", KEY)).thenReturn(new StoredObject(3, "ff00"));
        when(store.open("p-bucket", KEY)).thenReturn(object());
        assertThat(copier.copy("b-2", List.of("p-bucket"), KEY, "ab12", "tertiary", "t-bucket", 1)).isFalse();
    }

    private RecordTierCopyCommand recorded() {
        ArgumentCaptor<Object> command = ArgumentCaptor.forClass(Object.class);
        verify(commands).sendAndWait(command.capture());
        return (RecordTierCopyCommand) command.getValue();
    }

    private static ResponseInputStream<GetObjectResponse> object() {
        return new ResponseInputStream<>(GetObjectResponse.builder().build(),
                AbortableInputStream.create(new ByteArrayInputStream(new byte[] {1, 2, 3})));
    }
}
