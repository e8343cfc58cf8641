package com.ailsocialautomation.message;

/** What others may do with a post when {@code allow:} names it (TikTok's comment, duet and stitch switches). */
public enum Interaction implements Worded {
    COMMENTS("comments"), DUET("duet"), STITCH("stitch");

    private final String word;

    Interaction(String word) {
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
}
