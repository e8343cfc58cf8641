package com.ailsocialautomation.store;

import com.ailsocialautomation.message.Worded;

/**
 * Who may post to an account ({@code /ail account <account> posting:...}): anyone in the workspace; anyone, but a
 * post by someone who is not one of its approvers waits for an approver's yes; or only the person who connected it
 * and the workspace's admins. Stored and typed as the word.
 */
public enum PostingPolicy implements Worded {
    ANYONE("anyone"), APPROVAL("approval"), OWNER_AND_ADMINS("owner-and-admins");

    private final String word;

    PostingPolicy(String word) {
        this.word = word;
    }

    @Override
    public String word() {
        return word;
    }

    @Override
    public String toString() {
        return word;
    }

    static PostingPolicy of(String stored) {
        return Worded.find(PostingPolicy.class, stored).orElseThrow(() -> new IllegalStateException("posting " + stored));
    }
}
