package com.ailsocialautomation.media;

import com.ailsocialautomation.net.MediaType;
import com.ailsocialautomation.platform.MediaFacts;
import com.ailsocialautomation.store.Account;
import com.ailsocialautomation.store.Post;
import com.ailsocialautomation.store.Posts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** For tests of other packages: a post stored with one copied item, as the command layer stores it. */
public final class StoredCopies {
    private StoredCopies() {}

    public static Post post(Posts posts, MediaStore media, UUID workspaceId, UUID authorId, String text, Instant when,
                            String name, String alt, byte[] bytes, List<Account> to) {
        try {
            Path file = Files.createTempFile("ail-test-copy-", "");
            try (Copies copies = new Copies()) {
                Files.write(file, bytes);
                copies.add(new Copy(file, name, new MediaFacts(MediaType.PNG, bytes.length, 8, 8, null), alt, Origin.CHAT_FILE, null));
                return posts.create(workspaceId, authorId, text, List.of(), 1, when, null, to,
                        (tx, postId) -> media.save(tx, workspaceId, postId, copies));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
