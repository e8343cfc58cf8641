package com.ailsocialautomation.store;

import com.ailsocialautomation.message.Worded;

/**
 * What an approver decided about a post waiting for approval: approved (it is scheduled), changes requested (it
 * keeps waiting until its author edits it) or rejected (it is cancelled). Stored and shown as the words.
 */
public enum Decision implements Worded {
    APPROVED("approved"), CHANGES_REQUESTED("changes requested"), REJECTED("rejected");

    private final String word;

    Decision(String word) {
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

    static Decision of(String stored) {
        return Worded.find(Decision.class, stored).orElseThrow(() -> new IllegalStateException("decision " + stored));
    }
}
